package dev.airlock.appliance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.ledger.OutboundBundle;
import dev.airlock.appliance.testing.RoundTripFixture;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.TmpfsMount;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ProductKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    /** Made-up key in the MAK alphabet: partial key 6789B. */
    private static final String MAK = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @TempDir
    Path tmp;

    RoundTripFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new RoundTripFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void epidPrefix_isTheFirstTwoGroups_asSplittingOnDashesGaveIt() {
        for (String epid : java.util.List.of("03612-00206-271-123456-03-1033-9600.0000-0012025", "a-b", "a", "-x-y",
                "a--b", "a-", "a-b-", "-", "")) {
            String[] parts = epid.split("-");
            assertThat(Export.epidPrefix(epid)).as(epid).isEqualTo(parts.length >= 2 ? parts[0] + "-" + parts[1] : epid);
        }
    }

    @Test
    void export_writesAVerifiedFile_thenMarksProductsExported_withTheLedgerRows() throws Exception {
        f.addProducts(1, 5, "6789B");
        ExportResult r = f.export(ExportOptions.to(f.stick));
        assertThat(r.file()).startsWith(f.stick.resolve("AIRLOCK/outbound")).exists();
        SignedBundle back = BundleFile.read(r.file());
        assertThat(back.request().records()).hasSize(5);
        assertThat(back.request().queries()).hasSize(1); // one count query for the one MAK
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.EXPORTED);
        OutboundBundle b = f.lab.ledger().list().outbound().get(0);
        assertThat(b.records()).isEqualTo(5);
        assertThat(b.state()).isEqualTo(OutboundBundle.State.WRITTEN);
        assertThat(b.digest()).isEqualTo(dev.airlock.appliance.ledger.BundleLedger.hex(back.digest()));
        // the stick holds no temp files and nothing but the bundle
        try (Stream<Path> all = Files.walk(f.stick)) {
            assertThat(all.filter(Files::isRegularFile).toList()).containsExactly(r.file());
        }
        // nothing left: a second export refuses; --again sends them once more
        assertThatThrownBy(() -> f.export(ExportOptions.to(f.stick))).isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("nothing to export");
        ExportResult again = f.export(ExportOptions.to(f.stick).withAgain(true).withLimit(2));
        assertThat(again.products()).isEqualTo(2);
        assertThat(again.leftOver()).isEqualTo(3);
    }

    @Test
    void export_respectsGroupAndLimit() throws Exception {
        f.addProducts(1, 4, "6789B");
        ExportResult r = f.export(ExportOptions.to(f.stick).withLimit(3));
        assertThat(r.products()).isEqualTo(3);
        assertThat(r.leftOver()).isEqualTo(1);
        assertThat(f.products().stream().filter(p -> p.state() == ProductState.COLLECTED)).hasSize(1);
        assertThatThrownBy(() -> f.export(ExportOptions.to(f.stick).withGroup("no-such-group")))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("in group no-such-group");
    }

    @Test
    void export_toALabStick_isRefusedWithTheReason_andChangesNothing() throws Exception {
        f.addProducts(1, 2, "6789B");
        Path collected = Files.createDirectories(f.stick.resolve("AIRLOCK/collected"));
        Files.writeString(collected.resolve("LAB-PC-1_0000.xml"), "<names and addresses/>");
        assertThatThrownBy(() -> f.export(ExportOptions.to(f.stick))).isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("lab stick").hasMessageContaining("AIRLOCK/collected (1 file)")
                .hasMessageContaining("must never leave the lab");
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.COLLECTED);
        assertThat(f.stick.resolve("AIRLOCK/outbound")).doesNotExist();
        // empty lab folders are harmless
        Files.delete(collected.resolve("LAB-PC-1_0000.xml"));
        Files.createDirectories(f.stick.resolve("AIRLOCK/kit"));
        assertThat(f.export(ExportOptions.to(f.stick)).products()).isEqualTo(2);
    }

    @Test
    void export_beyondTheMaksKnownRemainingCount_warnsAndNeedsForce() throws Exception {
        MakEntry mak;
        try (var p = RoundTripFixture.pass()) {
            mak = f.lab.makVault().add(ProductKey.parse(MAK), "lab MAK", p, Samples.SUPERVISOR);
        }
        f.lab.makVault().recordRemaining(mak.id(), 2, Samples.NOW, Samples.SUPERVISOR);
        f.addProducts(1, 3, "6789B");
        assertThatThrownBy(() -> f.export(ExportOptions.to(f.stick))).isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("MAK ...6789B").hasMessageContaining("3 products in this export but only 2")
                .hasMessageContaining("--force");
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.COLLECTED);
        ExportResult r = f.export(ExportOptions.to(f.stick).withForce(true));
        assertThat(r.products()).isEqualTo(3);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.partialKey()).isEqualTo("6789B");
            assertThat(w.remaining()).isEqualTo(2);
        });
        // within the budget: no warning
        f.addProducts(10, 2, "6789B");
        assertThat(f.export(ExportOptions.to(f.stick)).warnings()).isEmpty();
    }

    @Test
    void export_withQr_rendersTheSameBundleAsFrames() throws Exception {
        f.addProducts(1, 3, "6789B");
        ExportResult r = f.export(ExportOptions.to(f.stick).withQr(tmp.resolve("qr")));
        assertThat(r.qr()).isPresent();
        assertThat(r.qr().get().framesFile()).exists();
        assertThat(r.qr().get().bundleId()).isNotEmpty();
    }

    @Test
    void export_toAReadOnlyStick_marksNothing_andLeavesNoFile() throws Exception {
        f.addProducts(1, 3, "6789B");
        Path mountPoint = Files.createDirectories(tmp.resolve("ro"));
        try (TmpfsMount m = TmpfsMount.mount(mountPoint, "1m")) {
            m.readOnly();
            assertThatThrownBy(() -> f.export(ExportOptions.to(mountPoint))).isInstanceOf(IOException.class);
            m.readWrite();
            assertThat(filesUnder(mountPoint)).isEmpty();
        }
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.COLLECTED);
        assertThat(f.lab.ledger().list().outbound()).isEmpty();
    }

    @Test
    void export_toAFullStick_marksNothing_andLeavesNoHalfFile() throws Exception {
        f.addProducts(1, 40, "6789B");
        Path mountPoint = Files.createDirectories(tmp.resolve("full"));
        try (TmpfsMount m = TmpfsMount.mount(mountPoint, "256k")) {
            // fill the stick, then free 4 KiB: the bundle starts to land and runs out of space half-way
            Path filler = Files.createDirectories(mountPoint.resolve("filler"));
            byte[] page = new byte[4096];
            int n = 0;
            try {
                while (true) {
                    Files.write(filler.resolve("f" + n), page);
                    n++;
                }
            } catch (IOException full) {
                Files.deleteIfExists(filler.resolve("f" + n));
            }
            Files.delete(filler.resolve("f0"));
            assertThatThrownBy(() -> f.export(ExportOptions.to(mountPoint))).isInstanceOf(IOException.class);
            assertThat(filesUnder(mountPoint.resolve("AIRLOCK"))).isEmpty();
        }
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.COLLECTED);
        assertThat(f.lab.ledger().list().outbound()).isEmpty();
        // a retry on a good stick finishes the job
        assertThat(f.export(ExportOptions.to(f.stick)).products()).isEqualTo(40);
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
