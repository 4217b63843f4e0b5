package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.export.BuiltRequest;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.CountQuery;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import dev.airlock.formats.qr.QrEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The privacy proof (privacy.md): 1,000 machines whose every identifying field holds a canary;
 * a request exported from them carries no canary — not in the file, the signed payload, the QR
 * frame digits or anything logged — searched as text, hex, base64 and decimal.
 */
class PrivacyProofTest {
    private static final String TOKEN = "ZQXCANARY";
    private static final String UUID_TOKEN = "CA11AB1E";
    private static final String MAC_TOKEN = "0C:A1:1A";
    private static final String IPV4_TOKEN = "203.0.113.";
    private static final String IPV6_TOKEN = "2001:db8:ca11:";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void export_ofCanaryMachines_leaksNoCanaryInAnyRendering() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.ALL);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        byte[] file;
        byte[] envelope;
        List<String> frames;
        try {
            Path stick = tmp.resolve("stick/AIRLOCK/collected");
            CollectorRecordWriter writer = new CollectorRecordWriter();
            for (int i = 1; i <= 1000; i++) {
                CollectorRecord r = canaryMachine(i);
                Files.createDirectories(stick);
                Files.write(stick.resolve("m" + i + ".xml"), writer.write(r));
            }
            Actor operator = new Actor(TOKEN + "-OPERATOR");
            try (Passphrase pass = Passphrase.of("correct horse battery staple");
                    Appliance lab = Appliance.init(tmp.resolve("data"), ApplianceInfo.Role.LAB, TOKEN + " lab name",
                            operator, CLOCK, new Random(5), KeyService.prepare(pass, new SecureRandom()),
                            Sleeper.real())) {
                IntakeSummary s = lab.collect().ingest(List.of(tmp.resolve("stick")),
                        new IntakeOptions(Optional.of(TOKEN + "-GROUP"), java.util.OptionalLong.empty()), operator,
                        o -> { });
                assertThat(s.get(dev.airlock.appliance.collect.FileOutcome.Kind.ACCEPTED)).isEqualTo(1000);
                List<Product> products = lab.inventory().products(ProductFilter.all(), 0, 5000);
                assertThat(products).hasSize(2000);
                ExtendedProductId epid = products.get(0).epid();
                BuiltRequest request = lab.export().buildRequest(products,
                        List.of(CountQuery.of(epid, PartialProductKey.parse(products.get(0).partialKey()))),
                        pass, operator);
                SignedBundle bundle = request.bundle();
                file = BundleFile.write(bundle, lab.keys().publicKey());
                envelope = bundle.envelope();
                frames = new QrEncoder(envelope).frames();
                assertThat(bundle.request().records()).hasSize(2000);
                assertThat(request.productIds()).hasSize(2000);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(logs);
            root.setLevel(before);
        }
        StringBuilder logged = new StringBuilder(console.toString(StandardCharsets.UTF_8));
        for (ILoggingEvent e : logs.list) {
            logged.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logged.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        Map<String, String> artifacts = Map.of(
                "bundle file", new String(file, StandardCharsets.ISO_8859_1),
                "signed envelope (decoded payload)", new String(envelope, StandardCharsets.ISO_8859_1),
                "QR frame digits", String.join("\n", frames),
                "log and console output", logged.toString());
        List<String> leaks = new ArrayList<>();
        for (String canary : List.of(TOKEN, UUID_TOKEN, MAC_TOKEN, MAC_TOKEN.replace(":", ""), IPV4_TOKEN, IPV6_TOKEN)) {
            for (String form : forms(canary)) {
                for (Map.Entry<String, String> a : artifacts.entrySet()) {
                    if (a.getValue().toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT))) {
                        leaks.add("'" + canary + "' as '" + form + "' in the " + a.getKey());
                    }
                }
            }
        }
        assertThat(leaks).as("canaries that left the lab").isEmpty();
        // Positive control: the same search finds the canaries where they belong, in the lab's store.
        String store = new String(Files.readAllBytes(tmp.resolve("data/airlock.db")), StandardCharsets.ISO_8859_1)
                + new String(Files.exists(tmp.resolve("data/airlock.db-wal"))
                        ? Files.readAllBytes(tmp.resolve("data/airlock.db-wal")) : new byte[0], StandardCharsets.ISO_8859_1);
        assertThat(store).contains(TOKEN + "-H0001").contains(UUID_TOKEN).contains(TOKEN + "-GROUP");
        // The proof would be empty if the bundle carried nothing: the IIDs do cross, as they must.
        assertThat(new String(file, StandardCharsets.UTF_8)).contains(
                InstallationId.parse(iid(1, 0)).toString());
    }

    @Test
    void canaryForms_findTheCanaryHiddenInEachEncoding() {
        byte[] bytes = TOKEN.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + bytes.length + 2];
            System.arraycopy(bytes, 0, padded, shift, bytes.length);
            String b64 = Base64.getEncoder().encodeToString(padded);
            assertThat(forms(TOKEN)).anyMatch(b64::contains);
        }
        String hex = "00ff" + HexFormat.of().withUpperCase().formatHex(bytes) + "11";
        assertThat(forms(TOKEN)).anyMatch(f -> hex.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)));
        String decimal = "99" + new BigInteger(1, bytes) + "12";
        assertThat(forms(TOKEN)).anyMatch(decimal::contains);
    }

    /** The canary as text, hex (any case), base64 at every alignment, and as a decimal number. */
    private static Set<String> forms(String canary) {
        byte[] bytes = canary.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(canary);
        forms.add(HexFormat.of().formatHex(bytes));
        forms.add(new String(canary.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, padded, shift, bytes.length);
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(padded);
            // drop the characters that mix in the padding bytes, and the last partial group
            int from = (shift * 8 + 5) / 6;
            int to = (padded.length * 8) / 6;
            if (to - from >= 6) {
                forms.add(b64.substring(from, to));
            }
        }
        forms.add(new BigInteger(1, bytes).toString());
        return forms;
    }

    private static CollectorRecord canaryMachine(int i) throws Exception {
        String n = String.format(Locale.ROOT, "%04d", i);
        MachineIdentity id = new MachineIdentity(TOKEN + "-H" + n, TOKEN + "WG", true,
                TOKEN.toLowerCase(Locale.ROOT) + "-h" + n + "." + TOKEN.toLowerCase(Locale.ROOT) + ".invalid",
                UUID_TOKEN + "-0000-4000-8000-00000000" + n, TOKEN + "-SN-" + n, TOKEN + " OS caption",
                "10.0.22631", "22631", List.of(IPV4_TOKEN + (i % 250 + 1), IPV6_TOKEN + ":" + n),
                List.of(MAC_TOKEN + String.format(Locale.ROOT, ":%02X:%02X:%02X", 0, i / 256, i % 256)));
        List<CollectedProduct> products = List.of(
                new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT,
                        SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"), ApplicationId.WINDOWS,
                        "Windows(R), Enterprise edition", TOKEN + " description of the machine",
                        PartialProductKey.parse("3V66T"),
                        ExtendedProductId.parse("03612-03308-000-000000-03-1033-22631.0000-" + day(i) + "2026"),
                        "Volume:MAK", LicenseStatus.OOB_GRACE, 43200, InstallationId.parse(iid(i, 0))),
                new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT,
                        SkuId.parse("fbdb3e18-a8ef-4fb3-9183-dffd60bd0984"), ApplicationId.OFFICE,
                        "Office 21, Office21ProPlus2021VL_MAK_AE edition", TOKEN + " office description",
                        PartialProductKey.parse("6F7TH"),
                        ExtendedProductId.parse("05426-01234-000-123456-03-1033-16000.0000-" + day(i) + "2026"),
                        "Volume:MAK", LicenseStatus.NOTIFICATION, 0, InstallationId.parse(iid(i, 1))));
        return new CollectorRecord(CLOCK.instant(), "1.0.0", id, products);
    }

    private static String day(int i) {
        return String.format(Locale.ROOT, "%03d", 1 + i % 365);
    }

    /** A 63-digit IID unique per (machine, product), with no canary digits in it. */
    private static String iid(int machine, int product) {
        String base = String.format(Locale.ROOT, "%05d%d", machine, product);
        StringBuilder s = new StringBuilder();
        while (s.length() < 63) {
            s.append(base).append("7");
        }
        return s.substring(0, 63);
    }
}
