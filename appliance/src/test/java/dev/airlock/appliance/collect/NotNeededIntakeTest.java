package dev.airlock.appliance.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.apply.KitWritten;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportRefusedException;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.export.Export;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.inventory.NotNeededReason;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.RoundTripFixture;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.ActivationKitReader;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only products that need a CID go out: a product collected Licensed, or as a KMS client (GVLK),
 * is NOT_NEEDED, never exported, counted as waiting, or put in a kit; MAK, KMS host (CSVLK) and
 * retail products that are not Licensed go out; a product that loses its licence comes back.
 * Real collector files (three machines, six products, a mix of channels and statuses), a real
 * store, real export, merge and kit.
 */
class NotNeededIntakeTest {
    private static final String MIXED = "/dev/airlock/appliance/intake/mixed-channels";
    private static final String WIN_SKU = "11111111-0000-4000-8000-000000000101";
    private static final String OFFICE_SKU = "21212121-0000-4000-8000-000000000101";
    private static final String UUID_X = "0DEC0DE0-0000-4000-8000-0000000002AA";
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path tmp;

    RoundTripFixture f;
    Path labStick;
    final List<FileOutcome> outcomes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new RoundTripFixture(tmp);
        labStick = copyMixedStick(tmp.resolve("lab-stick"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void intake_mixOfChannels_licensedAndKmsClientNeedNothing_makCsvlkAndRetailWaitForExport() {
        ingest(labStick);

        assertThat(outcomes).extracting(FileOutcome::kind).containsOnly(FileOutcome.Kind.ACCEPTED);
        assertThat(state("LAB-MIX-1", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED); // MAK, Licensed
        assertThat(state("LAB-MIX-1", OFFICE_SKU)).isEqualTo(ProductState.COLLECTED); // MAK, Notification
        assertThat(state("LAB-MIX-2", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED); // GVLK, in grace
        assertThat(state("LAB-MIX-2", OFFICE_SKU)).isEqualTo(ProductState.COLLECTED); // Retail, Unlicensed
        assertThat(state("LAB-MIX-3", "31313131-0000-4000-8000-000000000101"))
                .isEqualTo(ProductState.COLLECTED); // CSVLK (KMS host), in grace
        assertThat(state("LAB-MIX-3", OFFICE_SKU)).isEqualTo(ProductState.NOT_NEEDED); // GVLK, Licensed
        assertThat(product("LAB-MIX-1", WIN_SKU).stateDetail().text()).isEqualTo("Licensed, nothing to do");
        assertThat(product("LAB-MIX-2", WIN_SKU).stateDetail().text())
                .isEqualTo("Activates against your KMS host; nothing to do here");
        assertThat(outcome("LAB-MIX-1").message()).endsWith("with 2 products; 1 needs no CID and stays out of"
                + " export ('Windows(R), Enterprise edition': Licensed, nothing to do)");
    }

    @Test
    void status_countsTheLeftOutPerReason_andNoneOfThemAsWaiting() {
        ingest(labStick);

        StatusReport s = f.lab.inventory().status();
        assertThat(s.products()).isEqualTo(6);
        assertThat(s.byState().get(ProductState.COLLECTED)).isEqualTo(3);
        assertThat(s.byState().get(ProductState.NOT_NEEDED)).isEqualTo(3);
        assertThat(s.notNeeded()).containsEntry(NotNeededReason.LICENSED, 1L)
                .containsEntry(NotNeededReason.KMS_CLIENT, 2L);
        assertThat(s.leftOut()).isEqualTo(3);
        assertThat(StatusReport.leftOutLine(s.notNeeded()))
                .isEqualTo("3 products left out: 1 already licensed, 2 KMS clients");
        assertThat(s.nextSteps()).containsExactly("3 products wait for export");
    }

    @Test
    void export_leavesThemOut_andSaysHowManyAndWhy() throws Exception {
        ingest(labStick);

        Export.Plan plan = f.lab.export().plan(ExportOptions.to(f.stick));
        assertThat(plan.products()).extracting(Product::hostName)
                .containsExactlyInAnyOrder("LAB-MIX-1", "LAB-MIX-2", "LAB-MIX-3");
        assertThat(plan.products()).extracting(Product::state).containsOnly(ProductState.COLLECTED);
        assertThat(plan.notNeededTotal()).isEqualTo(3);
        assertThat(plan.notNeeded(NotNeededReason.LICENSED)).isEqualTo(1);
        assertThat(plan.notNeeded(NotNeededReason.KMS_CLIENT)).isEqualTo(2);

        ExportResult r = f.export(ExportOptions.to(f.stick));

        SignedBundle request = RoundTripFixture.read(r);
        assertThat(request.request().records()).hasSize(3);
        assertThat(request.request().records()).extracting(rec -> rec.iid().digits())
                .doesNotContain(product("LAB-MIX-1", WIN_SKU).iid().digits(), product("LAB-MIX-2", WIN_SKU).iid().digits(),
                        product("LAB-MIX-3", OFFICE_SKU).iid().digits());
        assertThat(StatusReport.leftOutLine(r.notNeeded()))
                .isEqualTo("3 products left out: 1 already licensed, 2 KMS clients");
        assertThat(f.lab.inventory().status().byState().get(ProductState.NOT_NEEDED)).isEqualTo(3);
        // nothing else to send, and the refusal says why; --again does not take them either
        assertThatThrownBy(() -> f.export(ExportOptions.to(f.stick))).isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("nothing to export")
                .hasMessageContaining("3 products left out: 1 already licensed, 2 KMS clients (they need no CID)");
        assertThat(f.export(ExportOptions.to(f.stick).withAgain(true)).products()).isEqualTo(3);
    }

    @Test
    void activationKit_afterTheRoundTrip_holdsOnlyTheProductsThatGotACid() throws Exception {
        ingest(labStick);
        SignedBundle request = RoundTripFixture.read(f.export(ExportOptions.to(f.stick)));
        f.write(f.respondAll(request), f.gateway);
        f.lab.merge().importPaths(List.of(f.stick), Samples.TECHNICIAN, o -> { });

        KitWritten kit = f.lab.apply().writeKit(labStick, Optional.empty(),
                Samples.TECHNICIAN);

        assertThat(kit.products()).isEqualTo(3);
        List<String> kitIids = new ArrayList<>();
        ActivationKitReader reader = new ActivationKitReader();
        for (Path file : kit.files()) {
            reader.read(Files.readAllBytes(file)).products().forEach(p -> kitIids.add(p.iid().digits()));
        }
        assertThat(kitIids).containsExactlyInAnyOrder(product("LAB-MIX-1", OFFICE_SKU).iid().digits(),
                product("LAB-MIX-2", OFFICE_SKU).iid().digits(), product("LAB-MIX-3", "31313131-0000-4000-8000-000000000101")
                        .iid().digits());
        assertThat(f.products()).filteredOn(p -> p.state() == ProductState.NOT_NEEDED).hasSize(3)
                .allSatisfy(p -> assertThat(p.cid()).isEmpty());
    }

    @Test
    void aProductThatLosesItsLicence_comesBackToCollected_andGoesOutNextTime() throws Exception {
        ingest(labStick);
        Product win = product("LAB-MIX-1", WIN_SKU);
        // reimaged with the same key and hardware: same IID, no longer licensed
        ingest(write("mix-1-later.xml", record(T0, identity("LAB-MIX-1", "0DEC0DE0-0000-4000-8000-000000000101"),
                windows(win.iid().digits(), "Volume:MAK", LicenseStatus.OOB_GRACE))));

        assertThat(outcomes.get(0).message()).contains("'Windows(R), Enterprise edition' is no longer licensed and"
                + " needs a CID again: NOT_NEEDED -> COLLECTED");
        assertThat(state("LAB-MIX-1", WIN_SKU)).isEqualTo(ProductState.COLLECTED);
        assertThat(f.lab.export().plan(ExportOptions.to(f.stick)).products()).extracting(Product::id)
                .contains(win.id());
        assertThat(f.lab.inventory().status().notNeeded().get(NotNeededReason.LICENSED)).isZero();
    }

    @Test
    void aProductThatLosesItsLicence_withAnEarlierInstallationsCid_isReusable() throws Exception {
        String x = iid(41);
        ingest(write("x0.xml", record(T0, identity("LAB-X", UUID_X), windows(x, "Volume:MAK",
                LicenseStatus.NOTIFICATION))));
        long id = product("LAB-X", WIN_SKU).id();
        String cid = "123456".repeat(8);
        sql("UPDATE product SET state = 'VERIFIED', cid = '" + cid + "' WHERE id = " + id);
        // a new key (new IID), already activated elsewhere; then back to the first installation, Licensed
        ingest(write("x1.xml", record(T0.plusSeconds(60), identity("LAB-X", UUID_X), windows(iid(42), "Volume:MAK",
                LicenseStatus.LICENSED))));
        assertThat(state("LAB-X", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED);
        ingest(write("x2.xml", record(T0.plusSeconds(120), identity("LAB-X", UUID_X), windows(x, "Volume:MAK",
                LicenseStatus.LICENSED))));
        assertThat(state("LAB-X", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED);

        // reimaged: the same IID as the first installation, not licensed: its stored CID goes back on
        ingest(write("x3.xml", record(T0.plusSeconds(180), identity("LAB-X", UUID_X), windows(x, "Volume:MAK",
                LicenseStatus.OOB_GRACE))));

        Product p = product("LAB-X", WIN_SKU);
        assertThat(p.state()).isEqualTo(ProductState.REUSABLE);
        assertThat(p.cid().orElseThrow().digits()).isEqualTo(cid);
        assertThat(outcomes.get(0).message()).contains("NOT_NEEDED -> REUSABLE");
    }

    @Test
    void aProductAlreadyInTheFlow_keepsItsWay_onlyUnsentOrRejectedOnesAreLeftOut() throws Exception {
        String[] iids = {iid(51), iid(52), iid(53), iid(54)};
        String[] hosts = {"LAB-C", "LAB-E", "LAB-A", "LAB-R"};
        for (int i = 0; i < 4; i++) {
            ingest(write(hosts[i] + "-0.xml", record(T0, identity(hosts[i], uuid(i)), windows(iids[i], "Volume:MAK",
                    LicenseStatus.NOTIFICATION))));
        }
        sql("UPDATE product SET state = 'EXPORTED' WHERE iid = '" + iids[1] + "'");
        sql("UPDATE product SET state = 'APPLIED', cid = '" + "654321".repeat(8) + "' WHERE iid = '" + iids[2] + "'");
        sql("UPDATE product SET state = 'REJECTED', state_detail = '0x7F' WHERE iid = '" + iids[3] + "'");

        for (int i = 0; i < 4; i++) {
            ingest(write(hosts[i] + "-1.xml", record(T0.plusSeconds(60), identity(hosts[i], uuid(i)),
                    windows(iids[i], "Volume:MAK", LicenseStatus.LICENSED))));
        }

        assertThat(state("LAB-C", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED);
        assertThat(state("LAB-E", WIN_SKU)).isEqualTo(ProductState.EXPORTED);
        assertThat(state("LAB-A", WIN_SKU)).isEqualTo(ProductState.VERIFIED);
        assertThat(state("LAB-R", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED);
        assertThat(f.lab.audit().recent(50, "")).extracting(e -> e.action()).contains("product.needs_nothing",
                "product.verify");
    }

    @Test
    void manualEntry_ofALicensedOrKmsClientProduct_isRecordedAsNeedingNothing() throws Exception {
        CollectionOutcome licensed = f.lab.inventory().addManual(entry("LAB-M1", iid(61), "Volume:MAK",
                LicenseStatus.LICENSED), Samples.TECHNICIAN);
        CollectionOutcome kms = f.lab.inventory().addManual(entry("LAB-M2", iid(62), "Volume:GVLK",
                LicenseStatus.OOB_GRACE), Samples.TECHNICIAN);
        CollectionOutcome mak = f.lab.inventory().addManual(entry("LAB-M3", iid(63), "Volume:MAK",
                LicenseStatus.NOTIFICATION), Samples.TECHNICIAN);

        assertThat(((CollectionOutcome.Added) licensed).notNeeded())
                .containsExactly("'Windows(R), Enterprise edition': Licensed, nothing to do");
        assertThat(((CollectionOutcome.Added) kms).notNeeded()).containsExactly(
                "'Windows(R), Enterprise edition': Activates against your KMS host; nothing to do here");
        assertThat(((CollectionOutcome.Added) mak).notNeeded()).isEmpty();
        assertThat(state("LAB-M1", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED);
        assertThat(state("LAB-M2", WIN_SKU)).isEqualTo(ProductState.NOT_NEEDED);
        assertThat(state("LAB-M3", WIN_SKU)).isEqualTo(ProductState.COLLECTED);
    }

    @Test
    void notNeededReason_readsWmiValues() {
        assertThat(NotNeededReason.of(1, "Volume:MAK")).contains(NotNeededReason.LICENSED);
        assertThat(NotNeededReason.of(1, "Retail")).contains(NotNeededReason.LICENSED);
        assertThat(NotNeededReason.of(1, "Volume:CSVLK")).contains(NotNeededReason.LICENSED);
        assertThat(NotNeededReason.of(5, "Volume:GVLK")).contains(NotNeededReason.KMS_CLIENT);
        assertThat(NotNeededReason.of(1, "volume:gvlk")).contains(NotNeededReason.KMS_CLIENT);
        for (String channel : List.of("Volume:MAK", "Volume:CSVLK", "Retail", "OEM:DM", "Unknown", "")) {
            for (int status : new int[] {0, 2, 3, 4, 5, 6}) {
                assertThat(NotNeededReason.of(status, channel)).as(channel + " " + status).isEmpty();
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Path copyMixedStick(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(NotNeededIntakeTest.class.getResource(MIXED).toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private void ingest(Path path) {
        outcomes.clear();
        f.lab.collect().ingest(List.of(path), IntakeOptions.defaults(), Samples.TECHNICIAN, outcomes::add);
    }

    private FileOutcome outcome(String host) {
        return outcomes.stream().filter(o -> o.message().contains(host)).findFirst().orElseThrow();
    }

    private Product product(String host, String sku) {
        return f.lab.inventory().machine(host).orElseThrow().products().stream()
                .filter(p -> p.skuId().toString().equals(sku)).findFirst().orElseThrow();
    }

    private ProductState state(String host, String sku) {
        return product(host, sku).state();
    }

    private Path write(String name, CollectorRecord record) throws IOException {
        Path file = tmp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, new CollectorRecordWriter().write(record));
    }

    private void sql(String update) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.lab.dataDir().resolve(Store.FILE_NAME));
                PreparedStatement st = c.prepareStatement(update)) {
            assertThat(st.executeUpdate()).isPositive();
        }
    }

    private static String uuid(int n) {
        return "0DEC0DE0-0000-4000-8000-0000000003" + String.format("%02X", n);
    }

    /** 63 digits, 9 groups of 7 whose last digit is the group check digit (weights 1,2,1,2,… mod 7). */
    static String iid(int n) {
        StringBuilder s = new StringBuilder();
        for (int g = 0; g < 9; g++) {
            String data = String.format("%02d%d%03d", n % 100, g, (n * 7 + g) % 1000);
            int sum = 0;
            for (int i = 0; i < 6; i++) {
                sum += (data.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            }
            s.append(data).append(sum % 7);
        }
        return s.toString();
    }

    private static MachineIdentity identity(String host, String uuid) {
        return new MachineIdentity(host, "lab.example", true, "", uuid, "SN-" + host, "Microsoft Windows 11 Enterprise",
                "10.0.26100", "26100", List.of("192.0.2.10"), List.of("02:00:5E:00:00:10"));
    }

    private static CollectorRecord record(Instant collected, MachineIdentity machine, CollectedProduct... products) {
        return new CollectorRecord(collected, "1.0.0", machine, List.of(products));
    }

    private static CollectedProduct windows(String iid, String channel, LicenseStatus status) throws Exception {
        return new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(WIN_SKU),
                ApplicationId.WINDOWS, "Windows(R), Enterprise edition", "Windows(R) Operating System, VOLUME_MAK channel",
                PartialProductKey.parse("HMK42"),
                ExtendedProductId.parse("03612-04200-000-000101-03-1033-26100.0000-3262026"), channel, status,
                0, InstallationId.parse(iid));
    }

    private static ManualEntry entry(String host, String iid, String channel, LicenseStatus status) throws Exception {
        return new ManualEntry(host, Optional.empty(), SkuId.parse(WIN_SKU), ApplicationId.WINDOWS,
                "Windows(R), Enterprise edition",
                ExtendedProductId.parse("03612-04200-000-000101-03-1033-26100.0000-3262026"),
                InstallationId.parse(iid), Optional.empty(), channel, status);
    }
}
