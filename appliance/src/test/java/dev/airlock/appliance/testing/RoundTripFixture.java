package dev.airlock.appliance.testing;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.keys.CheapKeys;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.signature.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/** A lab appliance with keys (cheap KDF) in a temp dir, a pinned test gateway key, and helpers to answer requests. */
public final class RoundTripFixture implements AutoCloseable {
    public static final String PASSPHRASE = "correct horse battery staple";
    public static final String SKU = "73111121-5638-40f6-bc11-f1d7b0d64300";
    public static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";

    public final Path dir;
    public final Appliance lab;
    public final SigningKey gateway;
    public final Path stick;
    private final SecureRandom random = new SecureRandom();

    public RoundTripFixture(Path dir) throws Exception {
        this.dir = dir;
        this.lab = Appliance.init(dir.resolve("lab"), ApplianceInfo.Role.LAB, "Lab 1", Samples.SUPERVISOR,
                Samples.CLOCK, new SplittableRandom(7), CheapKeys.prepare(PASSPHRASE), d -> { });
        this.gateway = SigningKey.generate(random);
        lab.enroll().pin(ApplianceInfo.Role.GATEWAY, "Gateway 1", gateway.publicKey(),
                gateway.publicKey().fingerprint(), Samples.SUPERVISOR);
        this.stick = Files.createDirectories(dir.resolve("stick"));
    }

    public static Passphrase pass() {
        return Passphrase.of(PASSPHRASE);
    }

    /** Adds machines {@code from..from+n-1}, one Windows product each, with MAK partial key {@code partialKey}. */
    public void addProducts(int from, int n, String partialKey) throws Exception {
        for (int i = from; i < from + n; i++) {
            ManualEntry e = new ManualEntry("LAB-PC-" + i, Optional.empty(), SkuId.parse(SKU), ApplicationId.WINDOWS,
                    "Windows(R), Enterprise edition", ExtendedProductId.parse(EPID),
                    InstallationId.parse(String.format("%063d", 1_000_000L + i)),
                    Optional.of(PartialProductKey.parse(partialKey)), "Volume:MAK", LicenseStatus.NOTIFICATION);
            lab.inventory().addManual(e, Samples.TECHNICIAN);
        }
    }

    public ExportResult export(ExportOptions options) throws Exception {
        try (Passphrase p = pass()) {
            return lab.export().run(options, p, Samples.TECHNICIAN);
        }
    }

    public List<Product> products() {
        return lab.inventory().products(ProductFilter.all(), 0, 1_000_000);
    }

    /** A deterministic, valid-looking CID for reference {@code ref}. */
    public static ConfirmationId cid(Reference ref) {
        try {
            return ConfirmationId.parse(String.format("%048d", Integer.toUnsignedLong(ref.value())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request's references. */
    public static List<Reference> references(SignedBundle request) throws Exception {
        return request.request().records().stream().map(r -> r.ref()).toList();
    }

    /** A response signed by {@code key}, answering each reference in {@code refs} with {@code outcome.apply(ref)}. */
    public SignedBundle respond(SignedBundle request, List<Reference> refs,
            Function<Reference, ResponseBundle.Outcome> outcome, List<ResponseBundle.CountResult> counts,
            SigningKey key) throws Exception {
        Map<Reference, ResponseBundle.Outcome> outcomes = new HashMap<>();
        refs.forEach(r -> outcomes.put(r, outcome.apply(r)));
        ResponseBundle response = ResponseBundle.answering(request, key.publicKey().id(), Samples.NOW, random,
                outcomes, counts);
        return SignedBundle.sign(response, key);
    }

    /** Every reference answered with a CID, signed by the pinned gateway. */
    public SignedBundle respondAll(SignedBundle request) throws Exception {
        return respond(request, references(request), r -> new ResponseBundle.Confirmed(cid(r)), List.of(), gateway);
    }

    /** Writes {@code response} as a bundle file into {@code STICK/AIRLOCK/inbound/}. */
    public Path write(SignedBundle response, SigningKey key) throws Exception {
        Path file = stick.resolve("AIRLOCK").resolve("inbound").resolve(BundleFile.fileName(response));
        Files.createDirectories(file.getParent());
        Files.write(file, BundleFile.write(response, key.publicKey()));
        return file;
    }

    /** The request file an export wrote. */
    public static SignedBundle read(ExportResult r) throws Exception {
        return BundleFile.read(r.file());
    }

    /** Answers requests as a gateway holding {@code key} would: a CID for every record. */
    public record Responder(SigningKey key) {
        public SignedBundle all(SignedBundle request) throws Exception {
            Map<Reference, ResponseBundle.Outcome> outcomes = new HashMap<>();
            references(request).forEach(r -> outcomes.put(r, new ResponseBundle.Confirmed(cid(r))));
            return SignedBundle.sign(ResponseBundle.answering(request, key.publicKey().id(), Samples.NOW,
                    new SecureRandom(), outcomes, List.of()), key);
        }
    }

    @Override
    public void close() {
        lab.close();
    }
}
