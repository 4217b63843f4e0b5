package dev.airlock.tests;

import static dev.airlock.tests.Journey.fingerprint;
import static dev.airlock.tests.Journey.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.export.BuiltRequest;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.bundle.BundleFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key cards, trust, verify and QR carry, between a lab and a gateway, through the real CLI. */
class BundleJourneyTest {
    @TempDir
    Path tmp;

    @Test
    void labAndGateway_exchangeCards_pinByFingerprint_thenVerifyAndCarryARequestAsQr() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        assertThat(Cli.airlock(lab, "init", "--role", "lab", "--name", "Lab 3").exit()).isZero();
        assertThat(Cli.airlock(gw, "init", "--role", "gateway", "--name", "Gateway").exit()).isZero();
        Path labCards = Files.createDirectories(tmp.resolve("cards/lab"));
        Path gwCards = Files.createDirectories(tmp.resolve("cards/gw"));
        String labFingerprint = fingerprint(Cli.airlock(lab, "key", "card", "--to", labCards.toString(), "--label",
                "Lab 3 kiosk"));
        String gwFingerprint = fingerprint(Cli.airlock(gw, "key", "card", "--to", gwCards.toString(), "--label",
                "Gateway A"));
        Path labCard = only(labCards, ".xml");
        Path gwCard = only(gwCards, ".xml");

        // Before pinning: a valid signature by an unknown key is not trusted, and its fingerprint is not shown.
        Cli.Run unknown = Cli.airlock(gw, "verify", labCard.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).contains("keycard").contains("signature   valid").contains("trusted     NO")
                .doesNotContain(labFingerprint);

        Cli.Run wrong = Cli.airlock(gw, "trust", "add", labCard.toString(), "--fingerprint",
                labFingerprint.substring(0, 34) + (labFingerprint.endsWith("0") ? "1" : "0"));
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not match").contains("nothing was stored");
        assertThat(Cli.airlock(gw, "trust", "add", labCard.toString(), "--fingerprint", labFingerprint).exit())
                .isZero();
        assertThat(Cli.airlock(lab, "trust", "add", gwCard.toString(), "--fingerprint", gwFingerprint).exit())
                .isZero();
        Cli.Run pinned = Cli.airlock(gw, "verify", labCard.toString(), "--json");
        assertThat(pinned.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(pinned.out());
        assertThat(doc.get("trusted").asBoolean()).isTrue();
        assertThat(doc.get("fingerprint").asText()).isEqualTo(labFingerprint);

        // A request made by the lab (export is the next issue's command; its service exists).
        Path request = tmp.resolve("request.xml");
        Cli.airlock(null, "demo", "--machines", "40", "--to", tmp.resolve("stick").toString());
        try (Appliance app = Appliance.open(lab, Clock.systemUTC()); Passphrase pass = Passphrase.of(Cli.PASSPHRASE)) {
            app.collect().ingest(List.of(tmp.resolve("stick")), IntakeOptions.defaults(), new Actor("tech"), o -> { });
            BuiltRequest built = app.export().buildRequest(app.inventory().products(ProductFilter.all(), 0, 1000),
                    List.of(), pass, new Actor("tech"));
            Files.write(request, BundleFile.write(built.bundle(), app.keys().publicKey()));
        }
        Cli.Run atGateway = Cli.airlock(gw, "verify", request.toString());
        assertThat(atGateway.exit()).as(atGateway.all()).isZero();
        assertThat(atGateway.out()).contains("request bundle").contains("(Lab 3 kiosk)").contains("trusted     yes");

        // Carried as QR frames: encode, then reassemble from the frame text and from the images.
        Path frames = tmp.resolve("frames");
        Cli.Run encode = Cli.airlock(null, "qr", "encode", request.toString(), "--to", frames.toString(), "--qr-version",
                "15", "--ec", "M");
        assertThat(encode.exit()).as(encode.all()).isZero();
        List<String> lines = Files.readAllLines(frames.resolve("frames.txt"), StandardCharsets.US_ASCII);
        assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.matches("\\d+"));
        // Shuffled, with one frame twice and a stray product barcode: still reassembles.
        List<String> scanned = new java.util.ArrayList<>(lines);
        java.util.Collections.reverse(scanned);
        scanned.add(1, "4006381333931");
        scanned.add(scanned.get(0));
        Path scannedFile = tmp.resolve("scanned.txt");
        Files.write(scannedFile, scanned, StandardCharsets.US_ASCII);
        Cli.Run decode = Cli.airlock(gw, "qr", "decode", scannedFile.toString(), "--to", tmp.resolve("in").toString());
        assertThat(decode.exit()).as(decode.all()).isZero();
        assertThat(decode.out()).contains("frame refused").contains("complete");
        Path back = only(tmp.resolve("in"), ".xml");
        assertThat(Cli.airlock(gw, "verify", back.toString()).exit()).isZero();

        String[] images;
        try (Stream<Path> s = Files.list(frames)) {
            images = s.filter(p -> p.toString().endsWith(".png")).sorted().map(Path::toString).toArray(String[]::new);
        }
        String[] args = Stream.concat(Stream.of("qr", "decode", "--to", tmp.resolve("in2").toString()),
                Stream.of(images)).toArray(String[]::new);
        assertThat(Cli.airlock(gw, args).exit()).isZero();

        // Missing frames: says which, writes nothing.
        Files.write(scannedFile, lines.subList(0, 1), StandardCharsets.US_ASCII);
        Cli.Run partial = Cli.airlock(gw, "qr", "decode", scannedFile.toString(), "--to", tmp.resolve("in3").toString());
        assertThat(partial.exit()).isEqualTo(1);
        assertThat(partial.err()).contains("missing frames");
        assertThat(tmp.resolve("in3")).doesNotExist();

        // A bundle whose readable part was edited is refused.
        String text = Files.readString(request);
        Path edited = tmp.resolve("edited.xml");
        Files.writeString(edited, text.replaceFirst("name=\"Windows", "name=\"Windowz"));
        Cli.Run bad = Cli.airlock(gw, "verify", edited.toString());
        assertThat(bad.exit()).isEqualTo(1);
    }
}
