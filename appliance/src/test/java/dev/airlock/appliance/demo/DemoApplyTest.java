package dev.airlock.appliance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.kit.ActivationKit;
import dev.airlock.formats.kit.ActivationKitWriter;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultReader;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.LicenseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoApplyTest {
    private static final Instant COLLECTED = Instant.parse("2026-11-02T08:00:00Z");
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-11-23T14:05:06.789Z"), ZoneOffset.UTC);

    @TempDir
    Path stick;

    private final CollectorRecordReader records = new CollectorRecordReader();
    private final ApplyResultReader results = new ApplyResultReader(records);
    private List<CollectorRecord> machines;

    @BeforeEach
    void demoMachinesOnTheStick() throws Exception {
        Path collected = new DemoData(Clock.fixed(COLLECTED, ZoneOffset.UTC)).write(5, stick, 9, n -> { });
        machines = new ArrayList<>();
        for (Path f : files(collected)) {
            machines.add(records.read(f));
        }
    }

    @Test
    void play_writesOneDemoResultPerKitFile_everyProductDepositedAndLicensed() throws Exception {
        for (CollectorRecord m : machines.subList(0, 3)) {
            kit(m, m.products());
        }

        DemoApply.Played played = new DemoApply(LATER).play(stick);

        assertThat(played).isInstanceOf(DemoApply.Played.Written.class);
        DemoApply.Played.Written w = (DemoApply.Played.Written) played;
        int products = machines.subList(0, 3).stream().mapToInt(m -> m.products().size()).sum();
        assertThat(w.files()).hasSize(3);
        assertThat(w.deposited()).isEqualTo(products);
        assertThat(w.notApplied()).isZero();
        assertThat(w.idle()).isEqualTo(2);
        assertThat(files(stick.resolve("AIRLOCK/results"))).containsExactlyElementsOf(w.files());
        try (Stream<Path> all = Files.list(stick.resolve("AIRLOCK/results"))) {
            assertThat(all.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".xml") && !n.startsWith("."));
        }
        for (int i = 0; i < 3; i++) {
            CollectorRecord before = machines.get(i);
            Path file = w.files().get(i);
            assertThat(file.getFileName().toString()).isEqualTo(before.machine().hostName() + "_"
                    + before.machine().smbiosUuid() + "_20261123T140506Z.xml");
            ApplyResult r = results.read(Files.readAllBytes(file)); // schema-checked, as intake reads it
            assertThat(r.collectorVersion()).isEqualTo(DemoApply.COLLECTOR_VERSION);
            assertThat(r.applied()).isEqualTo(Instant.parse("2026-11-23T14:05:06Z"));
            assertThat(r.kitFile()).isEqualTo(kitName(before));
            assertThat(r.outcomes()).hasSize(before.products().size()).allSatisfy(o -> {
                assertThat(o.result()).isEqualTo(ApplyResult.Result.DEPOSITED);
                assertThat(o.returnCodeHex()).isEqualTo("0x00000000");
                assertThat(o.licenseStatus()).contains(LicenseStatus.LICENSED);
                assertThat(o.message()).isEqualTo(DemoApply.MESSAGE);
            });
            assertThat(r.outcomes().stream().map(ApplyResult.Outcome::iid))
                    .containsExactlyElementsOf(before.products().stream().map(CollectedProduct::iid).toList());
            CollectorRecord after = r.machineRecord();
            assertThat(after.machine()).isEqualTo(before.machine());
            assertThat(after.collected()).isEqualTo(r.applied());
            assertThat(after.products()).allSatisfy(p -> {
                assertThat(p.licenseStatus()).isEqualTo(LicenseStatus.LICENSED);
                assertThat(p.graceMinutes()).isZero();
            });
            assertThat(after.products().stream().map(CollectedProduct::iid))
                    .containsExactlyElementsOf(before.products().stream().map(CollectedProduct::iid).toList());
        }
    }

    @Test
    void play_aProductNotInTheKit_keepsItsStatus_andAnIidChangedSinceIsNotApplied() throws Exception {
        CollectorRecord m = machines.stream().filter(r -> r.products().size() >= 2).findFirst().orElseThrow();
        CollectedProduct first = m.products().get(0);
        CollectedProduct stale = new CollectedProduct(first.productClass(), first.skuId(), first.applicationId(),
                first.name(), first.description(), first.partialKey(), first.epid(), first.channel(),
                first.licenseStatus(), first.graceMinutes(), otherIid(first.iid()));
        kit(m, List.of(stale));

        DemoApply.Played.Written w = (DemoApply.Played.Written) new DemoApply(LATER).play(stick);

        assertThat(w.deposited()).isZero();
        assertThat(w.notApplied()).isEqualTo(1);
        ApplyResult r = results.read(Files.readAllBytes(w.files().get(0)));
        assertThat(r.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(ApplyResult.Result.IID_CHANGED);
            assertThat(o.returnCode()).isEmpty();
        });
        assertThat(r.machineRecord().products()).isEqualTo(m.products());
    }

    @Test
    void play_again_startsFromTheMachinesLastResult_andDatesItLater() throws Exception {
        CollectorRecord m = machines.get(0);
        kit(m, m.products());
        Clock early = Clock.fixed(COLLECTED.minus(Duration.ofDays(30)), ZoneOffset.UTC);
        DemoApply.Played.Written first = (DemoApply.Played.Written) new DemoApply(early).play(stick);
        DemoApply.Played.Written second = (DemoApply.Played.Written) new DemoApply(early).play(stick);

        ApplyResult a = results.read(Files.readAllBytes(first.files().get(0)));
        ApplyResult b = results.read(Files.readAllBytes(second.files().get(0)));
        assertThat(a.applied()).isEqualTo(m.collected().plus(Duration.ofMinutes(1)));
        assertThat(b.applied()).isEqualTo(a.applied().plus(Duration.ofMinutes(1)));
        assertThat(b.machineRecord().products()).allMatch(p -> p.licenseStatus() == LicenseStatus.LICENSED);
        assertThat(files(stick.resolve("AIRLOCK/results"))).hasSize(2);
    }

    @Test
    void play_withoutAKit_refuses_andWritesNothing() throws Exception {
        DemoApply.Played played = new DemoApply(LATER).play(stick);

        assertThat(played).isInstanceOfSatisfying(DemoApply.Played.Refused.class, r -> assertThat(r.message())
                .startsWith("There is no activation kit on " + stick).contains("activation-kit --to"));
        assertThat(stick.resolve("AIRLOCK/results")).doesNotExist();
    }

    @Test
    void play_aKitOfARealMachine_refusesTheWholeKit() throws Exception {
        kit(machines.get(0), machines.get(0).products());
        CollectedProduct p = machines.get(1).products().get(0);
        write(new ActivationKit(LATER.instant(), "LAB3-PC07", "4C4C4544-0042-3510-8052-B4C04F4D4E31",
                List.of(new ActivationKit.Product(p.productClass(), p.skuId(), p.name(), p.iid(), cid(p.iid())))));

        DemoApply.Played played = new DemoApply(LATER).play(stick);

        assertThat(played).isInstanceOfSatisfying(DemoApply.Played.Refused.class, r -> assertThat(r.message())
                .contains("LAB3-PC07").contains("not a demo machine").endsWith("Nothing was written."));
        assertThat(stick.resolve("AIRLOCK/results")).doesNotExist();
    }

    @Test
    void play_aKitForADemoMachineWithoutItsCollectedFile_refuses() throws Exception {
        CollectorRecord m = machines.get(0);
        kit(m, m.products());
        Files.delete(stick.resolve("AIRLOCK/collected").resolve(kitName(m)));

        DemoApply.Played played = new DemoApply(LATER).play(stick);

        assertThat(played).isInstanceOfSatisfying(DemoApply.Played.Refused.class, r -> assertThat(r.message())
                .contains(m.machine().hostName()).contains("holds no collected file"));
    }

    @Test
    void play_aDamagedKitFile_refuses() throws Exception {
        Files.createDirectories(stick.resolve("AIRLOCK/kit"));
        Files.writeString(stick.resolve("AIRLOCK/kit/DEMO-LAB-00001_x.xml"), "<ActivationKit");

        DemoApply.Played played = new DemoApply(LATER).play(stick);

        assertThat(played).isInstanceOfSatisfying(DemoApply.Played.Refused.class, r -> assertThat(r.message())
                .startsWith("The kit file DEMO-LAB-00001_x.xml cannot be read"));
    }

    private void kit(CollectorRecord m, List<CollectedProduct> products) throws Exception {
        List<ActivationKit.Product> kp = new ArrayList<>();
        for (CollectedProduct p : products) {
            kp.add(new ActivationKit.Product(p.productClass(), p.skuId(), p.name(), p.iid(), cid(p.iid())));
        }
        write(new ActivationKit(LATER.instant(), m.machine().hostName(), m.machine().smbiosUuid(), kp));
    }

    private void write(ActivationKit kit) throws Exception {
        Path dir = Files.createDirectories(stick.resolve("AIRLOCK/kit"));
        Files.write(dir.resolve(kit.fileName()), new ActivationKitWriter().write(kit));
    }

    /** Another demo machine's IID of the same length (a well-formed IID this machine does not have). */
    private InstallationId otherIid(InstallationId iid) {
        return machines.stream().flatMap(m -> m.products().stream()).map(CollectedProduct::iid)
                .filter(i -> i.digits().length() == iid.digits().length() && !i.equals(iid)).findFirst().orElseThrow();
    }

    private static ConfirmationId cid(InstallationId iid) throws Exception {
        return ConfirmationId.parse(StandInActivationService.cidFor(iid.digits()));
    }

    private static String kitName(CollectorRecord m) {
        return m.machine().hostName() + "_" + m.machine().smbiosUuid() + ".xml";
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
