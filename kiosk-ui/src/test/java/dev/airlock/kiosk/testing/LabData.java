package dev.airlock.kiosk.testing;

import com.vaadin.flow.server.VaadinSession;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.merge.MergeOutcome;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.RoundTripFixture;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
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
import dev.airlock.formats.signature.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Lab test data through the appliance's own services: collector records (or demo machines) taken
 * in, a real export, an answer signed by a pinned test gateway merged (CID_RECEIVED), apply result
 * files written as the collector's Apply writes them; sticks as the media watcher reports them.
 */
public final class LabData {
    public static final Actor TECH = new Actor("tester");
    /** The actor of the export and import tests. */
    public static final Actor TEST = new Actor("test");
    public static final String SKU = "11111111-0000-4000-8000-000000000042";
    public static final String EPID = "03612-04200-000-000042-03-1033-26100.0000-3262026";
    private static final SigningKey GATEWAY = SigningKey.generate(new SecureRandom());
    private static final AtomicLong TICK = new AtomicLong();

    private final Appliance lab;
    private final Path tmp;

    public LabData(Appliance lab, Path tmp) {
        this.lab = lab;
        this.tmp = tmp;
    }

    /** A 63-digit IID made from {@code n}. */
    public static String iid(long n) {
        return String.format("%063d", 7_000_000L + n);
    }

    private static Instant next() {
        return Instant.now().minusSeconds(3600).plusSeconds(TICK.incrementAndGet());
    }

    public static String uuid(String host) {
        return String.format("0DEC0DE0-0000-4000-8000-%012d", Math.abs(host.hashCode()) % 1_000_000_000_000L);
    }

    public static CollectorRecord record(String host, String iid, LicenseStatus status) throws Exception {
        return record(host, iid, status, "Volume:MAK");
    }

    /** As {@link #record(String, String, LicenseStatus)} on key channel {@code channel} (e.g. "Volume:GVLK"). */
    public static CollectorRecord record(String host, String iid, LicenseStatus status, String channel)
            throws Exception {
        MachineIdentity id = new MachineIdentity(host, "lab.example", true, host + ".lab.example", uuid(host),
                "SN-" + host, "Microsoft Windows 11 Enterprise", "10.0.26100", "26100", List.of("192.0.2.42"),
                List.of());
        CollectedProduct p = new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(SKU),
                ApplicationId.WINDOWS, "Windows(R), Enterprise edition", "", PartialProductKey.parse("HMK42"),
                ExtendedProductId.parse(EPID), channel, status, 0, InstallationId.parse(iid));
        return new CollectorRecord(next(), "1.1.0", id, List.of(p));
    }

    /** Takes in a collector record of {@code host} with {@code iid}, as intake does from a stick. */
    public FileOutcome collect(String host, String iid, LicenseStatus status) throws Exception {
        return collect(host, iid, status, "Volume:MAK");
    }

    /** As {@link #collect(String, String, LicenseStatus)} on key channel {@code channel}. */
    public FileOutcome collect(String host, String iid, LicenseStatus status, String channel) throws Exception {
        CollectorRecord r = record(host, iid, status, channel);
        Path f = tmp.resolve("collect-" + System.nanoTime()).resolve("AIRLOCK/collected")
                .resolve(host + "-" + r.collected().getEpochSecond() + ".xml");
        Files.createDirectories(f.getParent());
        Files.write(f, new CollectorRecordWriter().write(r));
        List<FileOutcome> out = new ArrayList<>();
        lab.collect().ingest(List.of(f), IntakeOptions.defaults(), TECH, out::add);
        return out.get(0);
    }

    /** Exports every COLLECTED product and merges an answer with a CID for each: they become CID_RECEIVED. */
    public MergeOutcome roundTrip() throws Exception {
        if (lab.enroll().trusted(GATEWAY.publicKey().id()).isEmpty()) {
            lab.enroll().pin(ApplianceInfo.Role.GATEWAY, "Test gateway", GATEWAY.publicKey(),
                    GATEWAY.publicKey().fingerprint(), TECH);
        }
        Path stick = Files.createDirectories(tmp.resolve("transfer-" + System.nanoTime()));
        ExportResult export;
        try (Passphrase p = Passphrase.of(KioskViewTest.PASSPHRASE)) {
            export = lab.export().run(ExportOptions.to(stick), p, TECH);
        }
        SignedBundle request = BundleFile.read(export.file());
        SignedBundle response = new RoundTripFixture.Responder(GATEWAY).all(request);
        Path inbound = Files.createDirectories(stick.resolve("AIRLOCK/inbound"));
        Path file = inbound.resolve(BundleFile.fileName(response));
        Files.write(file, BundleFile.write(response, GATEWAY.publicKey()));
        return lab.merge().importFile(file, TECH);
    }

    /** Writes a result file into {@code STICK/AIRLOCK/results} as Apply does after depositing the CID. */
    public static Path writeResult(Path stickRoot, String host, String iid, ApplyResult.Result result, long code,
            LicenseStatus after) throws Exception {
        CollectorRecord fresh = record(host, iid, after);
        ApplyResult r = new ApplyResult(fresh.collected(), "1.1.0", "kit.xml", List.of(new ApplyResult.Outcome(
                SkuId.parse(SKU), InstallationId.parse(iid), result, OptionalLong.of(code), Optional.of(after), "")),
                fresh);
        Path f = stickRoot.resolve("AIRLOCK/results").resolve(host + "_" + fresh.collected().getEpochSecond()
                + ".xml");
        Files.createDirectories(f.getParent());
        Files.write(f, new ApplyResultWriter().write(r));
        return f;
    }

    /** Takes in result files from {@code stickRoot} directly (no view). */
    public void intakeResults(Path stickRoot) {
        lab.collect().ingest(List.of(stickRoot.resolve("AIRLOCK/results")), IntakeOptions.defaults(), TECH, o -> { });
    }

    /** The products of {@code host}. */
    public List<Product> productsOf(String host) {
        return lab.inventory().products(ProductFilter.all().withSearch(host), 0, 100).stream()
                .filter(p -> p.hostName().equals(host)).toList();
    }

    public Product only(String host) {
        List<Product> ps = productsOf(host);
        if (ps.size() != 1) {
            throw new AssertionError("expected one product on " + host + ", got " + ps);
        }
        return ps.get(0);
    }

    /**
     * Writes {@code machines} demo collector files numbered from {@code first} and takes them in;
     * the first machine's host name is replaced by {@code plantedHost} when given.
     */
    public static void intake(Appliance lab, Path dir, int first, int machines, String plantedHost) throws IOException {
        Path out = new DemoData(Clock.systemUTC()).write(machines, first, dir, first, n -> { });
        if (plantedHost != null) {
            String demoHost = String.format(Locale.ROOT, "DEMO-LAB-%05d", first);
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    if (f.getFileName().toString().startsWith(demoHost)) {
                        Files.writeString(f, text.replace(demoHost, plantedHost)
                                .replace(demoHost.toLowerCase(Locale.ROOT), plantedHost.toLowerCase(Locale.ROOT)),
                                StandardCharsets.UTF_8);
                    }
                }
            }
        }
        lab.collect().ingest(List.of(dir), IntakeOptions.defaults(), TEST, o -> { });
    }

    public static long count(Appliance a, ProductState s) {
        return a.inventory().status().byState().getOrDefault(s, 0L);
    }

    /** A folder standing in for a stick, as the media watcher would report it. */
    public static Stick stick(Path root, StickKind kind, int responses) {
        return new Stick(root, root.getFileName().toString(), kind, false, 0, responses, 0, 0, -1);
    }

    /** Runs the UI's pending access tasks (pushed from background work) until {@code done}, 30 s at most. */
    public static void await(BooleanSupplier done) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            VaadinSession s = VaadinSession.getCurrent();
            s.getService().runPendingAccessTasks(s);
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for the background work");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
