package dev.airlock.tests;

import static dev.airlock.tests.Journey.ok;
import static dev.airlock.tests.Journey.only;
import static dev.airlock.tests.Journey.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.ids.ConfirmationId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip's other roads through the real CLI (see {@link RoundTripTest} for the main one):
 * CIDs typed from a phone call, a MAK whose activations ran out (0x7F), and QR frames instead of a stick.
 */
class RoundTripVariantsTest {
    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void phoneMode_threeRecords_typedCidsWithOneMistypedGroup_importToCidReceived() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path labStick = tmp.resolve("labstick");
        Journey.initAndEnroll(tmp.resolve("cards"), lab, gw);
        ok(Cli.airlock(null, "demo", "--machines", "3", "--to", labStick.toString()));
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));

        try (StickImage stick = StickImage.create(tmp, 32)) {
            ok(Cli.airlock(lab, "export", "--to", stick.mount.toString(), "--limit", "3"));
            assertThat(status(lab).get("byState").get("EXPORTED").asInt()).isEqualTo(3);
            stick.replug();
            Path request = only(stick.mount.resolve("AIRLOCK/outbound"));
            List<RequestBundle.Entry> records = BundleFile.read(request).request().records();
            assertThat(records).hasSize(3);

            // What the technician types while Microsoft's phone line reads the CIDs out, in the order asked.
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < records.size(); i++) {
                List<String> groups = ConfirmationId.parse(StandInBatchActivation.cidFor(records.get(i).iid().digits()))
                        .groups();
                for (int g = 0; g < groups.size(); g++) {
                    if (i == 1 && g == 2) {
                        typed.append(groups.get(g), 0, 5).append('\n'); // one digit short: group C is asked again
                    }
                    typed.append(groups.get(g)).append('\n');
                }
                typed.append("y\n");
            }
            Cli.Run phone = Cli.airlockWithStdin(gw, typed.toString(), "gateway", "process", request.toString(),
                    "--to", stick.mount.toString(), "--mode", "phone");
            ok(phone);
            assertThat(phone.out()).contains("CID group C has 5 digits, expected 6: type group C again")
                    .contains("Response written").contains("MAK counts are not asked by phone");

            stick.replug();
            ok(Cli.airlock(lab, "import", stick.mount.toString()));
        }
        assertThat(status(lab).get("byState").get("CID_RECEIVED").asInt()).isEqualTo(3);
        JsonNode received = listJson(lab, "CID_RECEIVED");
        Set<String> cids = new HashSet<>();
        received.forEach(p -> cids.add(p.get("cid").asText().replaceAll("[^0-9]", "")));
        Set<String> expected = new HashSet<>();
        records(received).forEach(iid -> expected.add(StandInBatchActivation.cidFor(iid)));
        assertThat(cids).isEqualTo(expected);
    }

    @Test
    void makLimitReached_0x7F_rejectedAndExplained_countInVault_nextExportNeedsForce() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path labStick = tmp.resolve("labstick");
        Journey.initAndEnroll(tmp.resolve("cards"), lab, gw);
        ok(Cli.airlock(null, "demo", "--machines", "12", "--to", labStick.toString()));
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));

        // The MAK installed on most machines: its partial key and ePID prefix tell its products apart.
        JsonNode all = listJson(lab, "COLLECTED");
        Map<String, List<JsonNode>> byMak = new HashMap<>();
        all.forEach(p -> byMak.computeIfAbsent(makOf(p), k -> new ArrayList<>()).add(p));
        String mak = byMak.entrySet().stream().max((a, b) -> a.getValue().size() - b.getValue().size())
                .orElseThrow().getKey();
        List<JsonNode> makProducts = byMak.get(mak);
        assertThat(makProducts.size()).as(mak).isGreaterThanOrEqualTo(2);
        String partialKey = mak.substring(0, 5);
        ok(Cli.airlockWithStdin(lab, "BBBBB-CCCCC-DDDDD-FFFFF-" + partialKey + "\n", "mak", "add",
                "--description", "Windows MAK (test)"));

        // Hold one machine of that MAK back for the next export; export the rest.
        long heldBack = makProducts.get(makProducts.size() - 1).get("machineId").asLong();
        List<String> now = new ArrayList<>();
        all.forEach(p -> {
            if (p.get("machineId").asLong() != heldBack && !now.contains(p.get("machineId").asText())) {
                now.add(p.get("machineId").asText());
            }
        });
        List<String> assign = new ArrayList<>(List.of("assign", "--group", "now"));
        assign.addAll(now);
        ok(Cli.airlock(lab, assign.toArray(String[]::new)));
        ok(Cli.airlock(lab, "assign", "--group", "later", Long.toString(heldBack)));
        Set<String> limitedIids = new HashSet<>();
        makProducts.stream().filter(p -> p.get("machineId").asLong() != heldBack)
                .forEach(p -> limitedIids.add(p.get("iid").asText()));

        try (StickImage stick = StickImage.create(tmp, 32);
                StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            ok(Cli.airlock(lab, "export", "--to", stick.mount.toString(), "--group", "now"));
            stick.replug();
            Path request = only(stick.mount.resolve("AIRLOCK/outbound"));
            RequestBundle req = BundleFile.read(request).request();
            for (RequestBundle.Entry e : req.records()) {
                if (limitedIids.contains(e.iid().digits())) {
                    microsoft.errorFor(e.iid().digits(), 0x7F);
                }
            }
            int limitedQueries = 0;
            for (RequestBundle.Query q : req.queries()) {
                String epid = req.epids().get(q.epid()).toString();
                boolean limited = q.partialKey().map(k -> k.toString().equalsIgnoreCase(partialKey)).orElse(false)
                        && mak.endsWith("/" + prefix(epid));
                microsoft.remainingFor(epid, limited ? 0 : 1000);
                limitedQueries += limited ? 1 : 0;
            }
            assertThat(limitedQueries).as("one count query for the MAK").isEqualTo(1);
            ok(Cli.airlock(gw, "gateway", "process", request.toString(), "--to", stick.mount.toString(),
                    "--endpoint", microsoft.endpoint().toString()));
            assertThat(microsoft.spent()).hasSize(req.records().size() - limitedIids.size());

            stick.replug();
            Cli.Run imported = Cli.airlock(lab, "import", stick.mount.toString());
            ok(imported);
            assertThat(imported.out()).contains("0x7F").contains("MAK ..." + partialKey + ": 0 activations left");
        }

        // Rejected, explained in plain words, the count in the vault.
        JsonNode rejected = listJson(lab, "REJECTED");
        assertThat(records(rejected)).containsExactlyInAnyOrderElementsOf(limitedIids);
        rejected.forEach(p -> assertThat(p.get("stateDetail").asText()).containsIgnoringCase("0x7F")
                .containsIgnoringCase("MAK").containsIgnoringCase("limit"));
        Cli.Run shown = Cli.airlock(lab, "show", rejected.get(0).get("hostName").asText());
        ok(shown);
        assertThat(shown.out()).containsIgnoringCase("limit");
        Cli.Run vault = Cli.airlock(lab, "mak", "list", "--json");
        ok(vault);
        JsonNode entry = json.readTree(vault.out()).get(0);
        assertThat(entry.get("partialKey").asText()).isEqualTo(partialKey);
        assertThat(entry.get("remaining").asInt()).isZero();
        Cli.Run vaultText = Cli.airlock(lab, "mak", "list");
        assertThat(vaultText.out()).contains(partialKey);

        // The next export of that MAK's products warns about the budget and needs --force.
        Path transfer2 = Files.createDirectories(tmp.resolve("transfer2"));
        Cli.Run refused = Cli.airlock(lab, "export", "--to", transfer2.toString(), "--group", "later");
        assertThat(refused.exit()).as(refused.all()).isNotZero();
        assertThat(refused.all()).containsIgnoringCase("budget").contains(partialKey).contains("--force");
        assertThat(listJson(lab, "EXPORTED").size()).isZero();
        ok(Cli.airlock(lab, "export", "--to", transfer2.toString(), "--group", "later", "--force"));
        assertThat(listJson(lab, "EXPORTED").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void qrFramesInsteadOfAStick_shuffledAndOneFrameScannedByZbar_importToCidReceived() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path labStick = tmp.resolve("labstick");
        Journey.initAndEnroll(tmp.resolve("cards"), lab, gw);
        ok(Cli.airlock(null, "demo", "--machines", "40", "--to", labStick.toString()));
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));
        int products = status(lab).get("products").asInt();

        // Lab: the request as QR frames (the folder written alongside is not carried).
        Path labOut = Files.createDirectories(tmp.resolve("lab-out"));
        Path labQr = tmp.resolve("lab-qr");
        ok(Cli.airlock(lab, "export", "--to", labOut.toString(), "--qr", labQr.toString()));
        List<String> lines = new ArrayList<>(Files.readAllLines(labQr.resolve("frames.txt"), StandardCharsets.UTF_8));
        List<Path> images = pngs(labQr);
        assertThat(images).hasSize(lines.size()).hasSizeGreaterThan(1);

        // Gateway: a scanner's lines in any order, one of them read from the image by zbarimg.
        Cli.Run zbar = Cli.run(List.of("zbarimg", "--raw", "-q", images.get(0).toString()), Map.of(), null);
        assertThat(zbar.exit()).as(zbar.all()).isZero();
        String scanned = zbar.out().strip();
        assertThat(lines).contains(scanned);
        lines.remove(scanned);
        lines.add(scanned);
        Collections.shuffle(lines, new Random(7));
        Path scannedFile = Files.write(tmp.resolve("scanned.txt"), lines, StandardCharsets.UTF_8);
        Path gwIn = tmp.resolve("gw-in");
        ok(Cli.airlock(gw, "qr", "decode", "--to", gwIn.toString(), scannedFile.toString()));
        Path request = only(gwIn);

        Path gwOut = Files.createDirectories(tmp.resolve("gw-out"));
        Path gwQr = tmp.resolve("gw-qr");
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            ok(Cli.airlock(gw, "gateway", "process", request.toString(), "--to", gwOut.toString(),
                    "--endpoint", microsoft.endpoint().toString(), "--qr", gwQr.toString()));
            assertThat(microsoft.spent()).hasSize(products);
        }

        // Lab: the response's frames, scanned in reverse order.
        List<String> back = new ArrayList<>(Files.readAllLines(gwQr.resolve("frames.txt"), StandardCharsets.UTF_8));
        Collections.reverse(back);
        Path backFile = Files.write(tmp.resolve("frames-back.txt"), back, StandardCharsets.UTF_8);
        ok(Cli.airlock(lab, "import", backFile.toString()));
        assertThat(status(lab).get("byState").get("CID_RECEIVED").asInt()).isEqualTo(products);
        Cli.Run again = Cli.airlock(lab, "import", gwQr.resolve("frames.txt").toString());
        ok(again);
        assertThat(again.all()).contains("already merged");
    }

    private static String makOf(JsonNode product) {
        return product.get("partialKey").asText().toUpperCase(java.util.Locale.ROOT) + "/"
                + prefix(product.get("epid").asText());
    }

    private static String prefix(String epid) {
        String[] parts = epid.split("-");
        return parts[0] + "-" + parts[1];
    }

    private static List<String> records(JsonNode products) {
        List<String> iids = new ArrayList<>();
        products.forEach(p -> iids.add(p.get("iid").asText().replaceAll("[^0-9]", "")));
        return iids;
    }

    private JsonNode listJson(Path data, String state) throws Exception {
        Cli.Run run = Cli.airlock(data, "list", "--state", state, "--json");
        ok(run);
        return json.readTree(run.out());
    }

    private static List<Path> pngs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
