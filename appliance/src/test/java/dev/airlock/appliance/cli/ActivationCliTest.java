package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultWriter;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** activation-kit, cid show, mark-applied, reuse-cid and status' activations saved, run in-process. */
class ActivationCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String SKU = "11111111-0000-4000-8000-000000000042";
    private static final String IID = "110000111000021100003110000411000051100006110000711000081100009";
    private static final String NEW_IID = "110000111000021100003110000411000051100006110000711000081199999";
    private static final String CID = "111111222222333333444444555555666666777777888888";

    @TempDir
    Path tmp;

    private CliRun run(String passphrase, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("AIRLOCK_DATA", tmp.resolve("data").toString());
        if (passphrase != null) {
            env.put(SecretInput.PASSPHRASE_ENV, passphrase);
        }
        return CliRun.run(env, "", args);
    }

    private CliRun ok(String passphrase, String... args) {
        CliRun r = run(passphrase, args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isZero();
        return r;
    }

    private void write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private CollectorRecord record(String iid, LicenseStatus status, String at) throws Exception {
        MachineIdentity id = new MachineIdentity("LAB-PC-0042", "", false, "", "0DEC0DE0-0000-4000-8000-000000000042",
                "", "", "", "", List.of(), List.of());
        return new CollectorRecord(Instant.parse(at), "1.1.0", id, List.of(new CollectedProduct(
                ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(SKU), ApplicationId.WINDOWS,
                "Windows(R), Enterprise edition", "", PartialProductKey.parse("HMK42"),
                ExtendedProductId.parse("03612-04200-000-000042-03-1033-26100.0000-3262026"), "Volume:MAK", status, 0,
                InstallationId.parse(iid))));
    }

    /** Moves the one product to CID_RECEIVED as a merge would (export and merge are other commands). */
    private long receiveCid() throws Exception {
        ConfirmationId cid = ConfirmationId.parse(CID);
        try (Store store = Store.open(tmp.resolve("data"))) {
            InventoryService inventory = new InventoryService(store, new AuditService(store, Samples.CLOCK),
                    Samples.CLOCK, dev.airlock.appliance.reimage.Reimage.rules());
            Product p = inventory.products(ProductFilter.all(), 0, 10).get(0);
            store.execute(tx -> {
                inventory.transition(tx, p.id(), ProductEvent.EXPORT, "", Optional.empty(), Samples.TECHNICIAN);
                inventory.transition(tx, p.id(), ProductEvent.CID_RECEIVED, "", Optional.of(cid), Samples.TECHNICIAN);
            });
            return p.id();
        }
    }

    @Test
    void cidShow_activationKit_markApplied_reuseCid_andStatus() throws Exception {
        ok(PASSPHRASE, "init", "--role", "lab", "--name", "Lab 3 kiosk");
        Path stick = tmp.resolve("stick");
        write(stick.resolve("AIRLOCK/collected/a.xml"), new CollectorRecordWriter().write(
                record(IID, LicenseStatus.NOTIFICATION, "2026-11-20T10:00:00Z")));
        ok(null, "intake", stick.toString());
        assertThat(ok(null, "cid", "show", "LAB-PC-0042").out()).contains("No CID stored");
        assertThat(ok(null, "activation-kit", "--to", stick.toString()).out()).contains("nothing to write");
        long id = receiveCid();

        CliRun show = ok(null, "cid", "show", "LAB-PC-0042");
        assertThat(show.out()).contains("A      B      C      D      E      F      G      H")
                .contains("111111 222222 333333 444444 555555 666666 777777 888888")
                .contains("slmgr /atp " + CID + " " + SKU);
        assertThat(run(null, "cid", "show", "NO-SUCH-PC").exit()).isEqualTo(1);

        CliRun kit = ok(null, "activation-kit", "--to", stick.toString());
        assertThat(kit.out()).contains("1 machine, 1 product").contains("keep the stick in the lab");
        assertThat(stick.resolve("AIRLOCK/kit/LAB-PC-0042_0DEC0DE0-0000-4000-8000-000000000042.xml")).exists();

        assertThat(ok(null, "mark-applied", Long.toString(id)).out()).contains("is now APPLIED");
        assertThat(run(null, "mark-applied", Long.toString(id)).exit()).isEqualTo(1);
        assertThat(ok(null, "mark-applied", Long.toString(id), "--verified").out()).contains("is now VERIFIED");
        assertThat(run(null, "mark-applied", "999").err()).contains("no product with id 999");

        // reimage with the same IID: reusable, into the kit, result -> verified, one activation saved
        write(stick.resolve("AIRLOCK/collected/a.xml"), new CollectorRecordWriter().write(
                record(IID, LicenseStatus.NOTIFICATION, "2026-11-21T10:00:00Z")));
        assertThat(ok(null, "intake", stick.toString()).out()).contains("reimaged with the same IID");
        assertThat(ok(null, "activation-kit", "--to", stick.toString()).out()).contains("1 with a reused CID");
        CollectorRecord fresh = record(IID, LicenseStatus.LICENSED, "2026-11-21T11:00:00Z");
        write(stick.resolve("AIRLOCK/results/r.xml"), new ApplyResultWriter().write(new ApplyResult(fresh.collected(),
                "1.1.0", "kit.xml", List.of(new ApplyResult.Outcome(SkuId.parse(SKU), InstallationId.parse(IID),
                        ApplyResult.Result.DEPOSITED, OptionalLong.of(0), Optional.of(LicenseStatus.LICENSED), "")),
                fresh)));
        assertThat(ok(null, "intake", stick.toString()).out()).contains("apply result for LAB-PC-0042")
                .contains("1 applied, 1 verified, 0 failed");
        assertThat(ok(null, "status").out()).contains("Activations saved: 1");
        assertThat(ok(null, "status", "--json").out()).contains("\"activationsSaved\" : 1");

        // a new IID: a new round trip, unless a supervisor forces the stored CID
        write(stick.resolve("AIRLOCK/collected/a.xml"), new CollectorRecordWriter().write(
                record(NEW_IID, LicenseStatus.NOTIFICATION, "2026-11-22T10:00:00Z")));
        assertThat(ok(null, "intake", stick.toString()).out()).contains("new IID");
        CliRun noForce = run(PASSPHRASE, "reuse-cid", Long.toString(id));
        assertThat(noForce.exit()).isEqualTo(2);
        assertThat(noForce.err()).contains("--force");
        CliRun wrong = run("not the passphrase", "reuse-cid", Long.toString(id), "--force");
        assertThat(wrong.exit()).isEqualTo(1);
        CliRun forced = ok(PASSPHRASE, "reuse-cid", Long.toString(id), "--force");
        assertThat(forced.out()).contains("is now REUSABLE").contains("Windows may refuse it");
        assertThat(ok(null, "audit", "log").out()).contains("product.force_reuse").contains("activation-kit.written");
        assertThat(ok(null, "audit", "verify").exit()).isZero();
        assertThat(run(null, "--help").out()).contains("activation-kit").contains("mark-applied").contains("reuse-cid");
    }
}
