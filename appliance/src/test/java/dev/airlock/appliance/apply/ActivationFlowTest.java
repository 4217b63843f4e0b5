package dev.airlock.appliance.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.reimage.ForceOutcome;
import dev.airlock.appliance.reimage.Reimage;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.ActivationKit;
import dev.airlock.formats.kit.ActivationKitReader;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultWriter;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply and reimage flows through the real services on a real store: activation kit,
 * result files taken in by intake, reimage with the same IID, a new IID, forced reuse.
 */
class ActivationFlowTest {
    private static final Actor TECH = Samples.TECHNICIAN;
    private static final String SKU = "11111111-0000-4000-8000-000000000042";
    private static final String IID = "110000111000021100003110000411000051100006110000711000081100009";
    private static final String NEW_IID = "110000111000021100003110000411000051100006110000711000081199999";
    private static final String CID = "111111222222333333444444555555666666777777888888";
    private static final String UUID = "0DEC0DE0-0000-4000-8000-000000000042";
    private static final String GOLDEN = "/dev/airlock/formats/kit/";

    @TempDir
    Path tmp;

    /** A clock tests move forward. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-24T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        Instant tick() {
            now = now.plus(Duration.ofHours(1));
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    Store store;
    AuditService audit;
    InventoryService inventory;
    Collect intake;
    ActivationKitService kits;
    ActivationService activation;
    Reimage reimage;
    Path stick;

    @BeforeEach
    void open() throws Exception {
        Samples.initLab(tmp.resolve("data")).close();
        store = Store.open(tmp.resolve("data"));
        audit = new AuditService(store, clock);
        inventory = new InventoryService(store, audit, clock, Reimage.rules());
        reimage = new Reimage(store, inventory);
        MakVault vault = new MakVault(store, audit, clock, new KeyService(store, audit, clock, d -> { },
                new java.security.SecureRandom()));
        intake = new Collect(store, inventory, new Apply(store, inventory, audit, clock), vault,
                CollectorRecordReader::new, clock);
        kits = new ActivationKitService(store, inventory, audit, clock);
        activation = new ActivationService(store, inventory);
        stick = Files.createDirectories(tmp.resolve("stick"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    // ---- helpers ------------------------------------------------------------------------

    private CollectorRecord record(String host, String iid, LicenseStatus status) throws Exception {
        MachineIdentity id = new MachineIdentity(host, "lab.example", true, host + ".lab.example", UUID, "SN-42",
                "Microsoft Windows 11 Enterprise", "10.0.26100", "26100", List.of("192.0.2.42"), List.of());
        CollectedProduct p = new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(SKU),
                ApplicationId.WINDOWS, "Windows(R), Enterprise edition", "", PartialProductKey.parse("HMK42"),
                ExtendedProductId.parse("03612-04200-000-000042-03-1033-26100.0000-3262026"), "Volume:MAK", status,
                0, InstallationId.parse(iid));
        return new CollectorRecord(clock.tick(), "1.1.0", id, List.of(p));
    }

    private FileOutcome intakeBytes(String folder, String name, byte[] bytes) throws Exception {
        Path f = stick.resolve("AIRLOCK").resolve(folder).resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
        List<FileOutcome> out = new ArrayList<>();
        intake.ingest(List.of(f), IntakeOptions.defaults(), TECH, out::add);
        return out.get(0);
    }

    private FileOutcome collect(CollectorRecord r) throws Exception {
        return intakeBytes("collected", r.machine().hostName() + "-" + r.collected().getEpochSecond() + ".xml",
                new CollectorRecordWriter().write(r));
    }

    private FileOutcome result(ApplyResult.Result result, long code, LicenseStatus after) throws Exception {
        CollectorRecord fresh = record("LAB-PC-0042", IID, after);
        ApplyResult r = new ApplyResult(fresh.collected(), "1.1.0", "kit.xml", List.of(new ApplyResult.Outcome(
                SkuId.parse(SKU), InstallationId.parse(IID), result, OptionalLong.of(code), Optional.of(after), "")),
                fresh);
        return intakeBytes("results", "LAB-PC-0042_" + fresh.collected().getEpochSecond() + ".xml",
                new ApplyResultWriter().write(r));
    }

    private Product only() {
        List<Product> all = inventory.products(ProductFilter.all(), 0, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void receiveCid(long productId, String cidText) {
        ConfirmationId cid;
        try {
            cid = ConfirmationId.parse(cidText);
        } catch (dev.airlock.formats.ids.InvalidIdException e) {
            throw new IllegalArgumentException(e);
        }
        store.execute(tx -> {
            inventory.transition(tx, productId, ProductEvent.EXPORT, "", Optional.empty(), TECH);
            inventory.transition(tx, productId, ProductEvent.CID_RECEIVED, "", Optional.of(cid), TECH);
        });
    }

    private List<ActivationKit> readKit() throws Exception {
        List<ActivationKit> out = new ArrayList<>();
        try (var files = Files.list(stick.resolve("AIRLOCK/kit"))) {
            for (Path f : files.sorted().toList()) {
                out.add(new ActivationKitReader().read(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    // ---- tests --------------------------------------------------------------------------

    @Test
    void roundTrip_thenReimage_sameIid_isReusable_goesIntoTheKit_andCountsAsAnActivationSaved() throws Exception {
        assertThat(collect(record("LAB-PC-0042", IID, LicenseStatus.NOTIFICATION)).kind())
                .isEqualTo(FileOutcome.Kind.ACCEPTED);
        receiveCid(only().id(), CID);

        // kit with the received CID
        KitWritten kit = kits.write(stick, Optional.empty(), TECH);
        assertThat(kit.machines()).isEqualTo(1);
        assertThat(kit.reusedCids()).isZero();
        assertThat(readKit()).singleElement().satisfies(k -> {
            assertThat(k.hostName()).isEqualTo("LAB-PC-0042");
            assertThat(k.smbiosUuid()).isEqualTo(UUID);
            assertThat(k.products().get(0).iid().digits()).isEqualTo(IID);
            assertThat(k.products().get(0).cid().digits()).isEqualTo(CID);
        });

        // result: deposited and Licensed
        FileOutcome applied = result(ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);
        assertThat(applied.kind()).as(applied.message()).isEqualTo(FileOutcome.Kind.UPDATED);
        assertThat(applied.message()).contains("1 applied, 1 verified, 0 failed");
        assertThat(only().state()).isEqualTo(ProductState.VERIFIED);
        assertThat(inventory.activationsSaved()).isZero();

        // reimage: same machine, same IID, not licensed
        FileOutcome reimaged = collect(record("LAB-PC-0042", IID, LicenseStatus.NOTIFICATION));
        assertThat(reimaged.message()).contains("reimaged with the same IID");
        assertThat(only().state()).isEqualTo(ProductState.REUSABLE);
        assertThat(only().cid().orElseThrow().digits()).isEqualTo(CID);
        assertThat(inventory.status().nextSteps()).anyMatch(s -> s.contains("write the activation kit"));

        // the next kit has it, no export
        assertThat(kits.write(stick, Optional.empty(), TECH).reusedCids()).isEqualTo(1);
        assertThat(readKit().get(0).products().get(0).cid().digits()).isEqualTo(CID);
        result(ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);
        assertThat(only().state()).isEqualTo(ProductState.VERIFIED);
        assertThat(inventory.activationsSaved()).isEqualTo(1);

        // nothing waits now: the kit is empty and the earlier kit's file is removed
        KitWritten empty = kits.write(stick, Optional.empty(), TECH);
        assertThat(empty.machines()).isZero();
        assertThat(empty.removed()).hasSize(1);
    }

    @Test
    void reimage_whileLicensed_staysVerified_andNewIid_startsOver_keepingTheCidInHistory() throws Exception {
        collect(record("LAB-PC-0042", IID, LicenseStatus.NOTIFICATION));
        receiveCid(only().id(), CID);
        result(ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);

        collect(record("LAB-PC-0042", IID, LicenseStatus.LICENSED));
        assertThat(only().state()).isEqualTo(ProductState.VERIFIED);

        collect(record("LAB-PC-0042", NEW_IID, LicenseStatus.NOTIFICATION));
        assertThat(only().state()).isEqualTo(ProductState.COLLECTED);
        assertThat(only().cid()).isEmpty();
        assertThat(kits.write(stick, Optional.empty(), TECH).machines()).isZero();

        // back to the earlier IID (e.g. the old image restored): its stored CID is reused
        collect(record("LAB-PC-0042", IID, LicenseStatus.NOTIFICATION));
        assertThat(only().state()).isEqualTo(ProductState.REUSABLE);
        assertThat(only().cid().orElseThrow().digits()).isEqualTo(CID);
    }

    @Test
    void forceReuse_takesTheEarlierCid_auditsAWarning_andAnApplyCountsAsSaved() throws Exception {
        collect(record("LAB-PC-0042", IID, LicenseStatus.NOTIFICATION));
        long id = only().id();
        assertThat(reimage.forceReuse(id, Samples.SUPERVISOR)).asInstanceOf(type(ForceOutcome.Refused.class))
                .extracting(ForceOutcome.Refused::reason).asString().contains("no earlier installation with a CID");
        receiveCid(id, CID);
        result(ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);
        collect(record("LAB-PC-0042", NEW_IID, LicenseStatus.NOTIFICATION));

        ForceOutcome.Forced r = (ForceOutcome.Forced) reimage.forceReuse(id, Samples.SUPERVISOR);

        assertThat(r.product().state()).isEqualTo(ProductState.REUSABLE);
        assertThat(r.product().cid().orElseThrow().digits()).isEqualTo(CID);
        assertThat(r.product().iid().digits()).isEqualTo(NEW_IID);
        assertThat(audit.recent(5, "product " + id)).extracting(AuditEntry::details)
                .anyMatch(d -> d.contains("Windows may refuse it"));
        Product applied = activation.markApplied(id, true, TECH);
        assertThat(applied.state()).isEqualTo(ProductState.VERIFIED);
        assertThat(inventory.activationsSaved()).isEqualTo(1);
        assertThat(reimage.forceReuse(id, Samples.SUPERVISOR)).asInstanceOf(type(ForceOutcome.Refused.class))
                .extracting(ForceOutcome.Refused::reason).asString().contains("VERIFIED");
    }

    @Test
    void failedResult_isApplyFailed_withTheCodeExplained_andARetrySucceeds() throws Exception {
        collect(record("LAB-PC-0042", IID, LicenseStatus.NOTIFICATION));
        receiveCid(only().id(), CID);

        FileOutcome failed = result(ApplyResult.Result.FAILED, 0xC004F04DL, LicenseStatus.NOTIFICATION);

        assertThat(failed.message()).contains("0xC004F04D").contains("check digits");
        assertThat(only().state()).isEqualTo(ProductState.APPLY_FAILED);
        assertThat(only().stateDetail().text()).contains("0xC004F04D");
        FileOutcome other = result(ApplyResult.Result.FAILED, 0xC004F999L, LicenseStatus.NOTIFICATION);
        assertThat(other.message()).contains("0xC004F999").contains("not known");
        assertThat(activation.markApplied(only().id(), false, TECH).state()).isEqualTo(ProductState.APPLIED);
        // a later collection that reports Licensed verifies it
        collect(record("LAB-PC-0042", IID, LicenseStatus.LICENSED));
        assertThat(only().state()).isEqualTo(ProductState.VERIFIED);
    }

    @Test
    void goldenResults_takenInByIntake_becomeVerified_applyFailed_orApplied() throws Exception {
        // verified: both products deposited, Licensed
        intakeGoldenRecord();
        inventory.products(ProductFilter.all(), 0, 10).forEach(p -> receiveCid(p.id(), CID));
        FileOutcome v = intakeBytes("results", "verified.xml", golden("golden-results/win11-verified.xml"));
        assertThat(v.kind()).as(v.message()).isEqualTo(FileOutcome.Kind.UPDATED);
        assertThat(inventory.products(ProductFilter.all(), 0, 10)).extracting(Product::state)
                .containsOnly(ProductState.VERIFIED);
        // the same file again changes nothing
        assertThat(intakeBytes("results", "verified-copy.xml", golden("golden-results/win11-verified.xml")).kind())
                .isEqualTo(FileOutcome.Kind.UNCHANGED);
    }

    @Test
    void goldenResults_failedAndNotLicensed() throws Exception {
        intakeGoldenRecord();
        inventory.products(ProductFilter.all(), 0, 10).forEach(p -> receiveCid(p.id(), CID));
        FileOutcome f = intakeBytes("results", "failed.xml", golden("golden-results/win11-failed.xml"));
        assertThat(f.message()).contains("IID changed").contains("0xC004F04D");
        List<Product> products = inventory.products(ProductFilter.all(), 0, 10);
        assertThat(products).filteredOn(p -> p.skuId().toString().startsWith("1111")).extracting(Product::state)
                .containsExactly(ProductState.COLLECTED);
        assertThat(products).filteredOn(p -> p.skuId().toString().startsWith("2121")).extracting(Product::state)
                .containsExactly(ProductState.APPLY_FAILED);

    }

    @Test
    void goldenResult_depositedNotLicensed_isApplied() throws Exception {
        intakeGoldenRecord();
        inventory.products(ProductFilter.all(), 0, 10).forEach(p -> receiveCid(p.id(), CID));
        intakeBytes("results", "not-licensed.xml", golden("golden-results/win11-deposited-not-licensed.xml"));
        List<Product> products = inventory.products(ProductFilter.all(), 0, 10);
        assertThat(products).filteredOn(p -> p.skuId().toString().startsWith("1111")).extracting(Product::state)
                .containsExactly(ProductState.APPLIED);
        assertThat(products).filteredOn(p -> p.skuId().toString().startsWith("2121")).extracting(Product::state)
                .containsExactly(ProductState.CID_RECEIVED);
    }

    @Test
    void hostileResultFiles_areRejected_andChangeNothing() throws Exception {
        intakeGoldenRecord();
        inventory.products(ProductFilter.all(), 0, 10).forEach(p -> receiveCid(p.id(), CID));
        String good = new String(golden("golden-results/win11-verified.xml"), StandardCharsets.UTF_8);
        List<String> hostile = List.of(
                good.replace("<Applied>", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Applied>"),
                good.substring(0, good.length() / 2),
                good.replace("urn:airlock:apply-result:1", "urn:airlock:apply-result:2"),
                good.replace("<Result>Deposited</Result>", "<Result>Deposited</Result><Result>Deposited</Result>"),
                good.replace("<HostName>LAB-PC-0042</HostName>", "<HostName>" + "A".repeat(300) + "</HostName>"),
                "<ApplyResult xmlns=\"urn:airlock:apply-result:1\"" + "<x>".repeat(5000),
                "\u0000\u0001binary");
        int n = 0;
        for (String h : hostile) {
            FileOutcome o = intakeBytes("results", "hostile-" + n++ + ".xml", h.getBytes(StandardCharsets.UTF_8));
            assertThat(o.kind()).as(o.message()).isEqualTo(FileOutcome.Kind.REJECTED);
        }
        assertThat(inventory.products(ProductFilter.all(), 0, 10)).extracting(Product::state)
                .containsOnly(ProductState.CID_RECEIVED);
        assertThat(audit.verify()).isInstanceOf(dev.airlock.appliance.audit.ChainReport.Intact.class);
    }

    private void intakeGoldenRecord() throws Exception {
        assertThat(intakeBytes("collected", "rec.xml", golden("golden/win11-office2021.xml")).kind())
                .isEqualTo(FileOutcome.Kind.ACCEPTED);
    }

    private byte[] golden(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(GOLDEN + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
