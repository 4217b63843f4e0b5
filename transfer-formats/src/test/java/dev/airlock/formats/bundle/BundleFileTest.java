package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.FormatException;
import dev.airlock.formats.signature.BadSignatureException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The USB file: round trip, and every kind of hostile or edited file refused with a clear message. */
class BundleFileTest {
    private final SignedBundle request = BundleSamples.signedRequest();
    private final String file = new String(BundleFile.write(request, BundleSamples.LAB_KEY.publicKey()),
            StandardCharsets.UTF_8);

    private static FormatException readFails(String text) {
        try {
            BundleFile.read(text.getBytes(StandardCharsets.UTF_8));
        } catch (FormatException e) {
            return e;
        }
        throw new AssertionError("read a file that should be refused");
    }

    @Test
    void writeThenRead_givesTheSameSignedBundle(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(BundleFile.fileName(request));
        Files.writeString(f, file);
        assertThat(BundleFile.read(f)).isEqualTo(request);
        assertThat(f.getFileName().toString()).matches("airlock-request-[0-9a-f]{8}-\\d{8}\\.xml");
    }

    @Test
    void claimedDigest_ofAWrittenFile_isTheBundlesDigest_andChangesWithItsSignedPart() {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        assertThat(BundleFile.claimedDigest(bytes, BundleKind.REQUEST)).hasValueSatisfying(
                d -> assertThat(d).isEqualTo(request.digest()));
        Matcher m = Pattern.compile("<SignatureValue>([^<]*)</SignatureValue>").matcher(file);
        assertThat(m.find()).isTrue();
        byte[] sig = java.util.Base64.getDecoder().decode(m.group(1));
        sig[5] ^= 1;
        String edited = file.replace(m.group(1), java.util.Base64.getEncoder().encodeToString(sig));
        assertThat(BundleFile.claimedDigest(edited.getBytes(StandardCharsets.UTF_8), BundleKind.REQUEST))
                .hasValueSatisfying(d -> assertThat(d).isNotEqualTo(request.digest()));
        assertThat(BundleFile.claimedDigest("<Bundle/>".getBytes(StandardCharsets.UTF_8), BundleKind.REQUEST))
                .isEmpty();
    }

    @Test
    void write_refusesAKeyThatDidNotSign() {
        assertThatThrownBy(() -> BundleFile.write(request, BundleSamples.OTHER_KEY.publicKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReadableAttributeChanged_isRefusedAsDisagreeingWithThePayload() {
        // every attribute of the readable part (before <Signature>), changed in its last character
        int signatureAt = file.indexOf("<Signature ");
        Matcher m = Pattern.compile(" ([a-zA-Z]+)=\"([^\"]*)\"").matcher(file);
        List<String> accepted = new ArrayList<>();
        int checked = 0;
        while (m.find() && m.start() < signatureAt) {
            if (m.group(1).equals("xmlns") || m.group(1).equals("formatVersion") || m.group(1).equals("kind")) {
                continue;
            }
            String v = m.group(2);
            char last = v.charAt(v.length() - 1);
            char other = Character.isDigit(last) ? (char) ('0' + (last - '0' + 1) % 10)
                    : Character.isLetter(last) && last != 'f' && last != 'F' ? (char) (last ^ 1) : last == 'f' ? 'e' : 'x';
            String edited = file.substring(0, m.end(2) - 1) + other + file.substring(m.end(2));
            checked++;
            try {
                BundleFile.read(edited.getBytes(StandardCharsets.UTF_8));
                accepted.add(m.group(1) + "=" + v);
            } catch (MalformedBundleException e) {
                assertThat(e.getMessage()).as(m.group(1)).containsAnyOf("disagrees with the signed payload",
                        "does not match the bundle format");
            } catch (FormatException e) {
                accepted.add(m.group(1) + " refused as " + e.getMessage());
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(accepted).isEmpty();
    }

    @Test
    void flippedRecordIid_namesTheFieldAndBothValues() throws Exception {
        String iid = request.request().records().get(0).iid().toString();
        String edited = file.replace(iid, iid.substring(0, iid.length() - 1) + (iid.endsWith("0") ? "1" : "0"));
        assertThat(readFails(edited)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("request/records[0]/iid").hasMessageContaining("edited after signing");
    }

    @Test
    void removedOrAddedRecord_isRefused() {
        int at = file.indexOf("      <Record ");
        int end = file.indexOf('\n', at) + 1;
        String line = file.substring(at, end);
        assertThat(readFails(file.substring(0, at) + file.substring(end)).getMessage()).contains("disagrees");
        assertThat(readFails(file.substring(0, end) + line + file.substring(end)).getMessage()).contains("disagrees");
    }

    @Test
    void flippedBitInPayload_failsTheSignature() {
        Matcher m = Pattern.compile("<Payload>([^<]*)</Payload>").matcher(file);
        assertThat(m.find()).isTrue();
        byte[] p = java.util.Base64.getDecoder().decode(m.group(1));
        p[p.length - 13] ^= 1; // inside the last record's IID: still decodes
        String edited = file.replace(m.group(1), java.util.Base64.getEncoder().encodeToString(p));
        FormatException e = readFails(edited);
        assertThat(e).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void tamperedOrWrongLengthSignature_isRefused() {
        Matcher m = Pattern.compile("<SignatureValue>([^<]*)</SignatureValue>").matcher(file);
        assertThat(m.find()).isTrue();
        byte[] sig = java.util.Base64.getDecoder().decode(m.group(1));
        sig[5] ^= 1;
        assertThat(readFails(file.replace(m.group(1), java.util.Base64.getEncoder().encodeToString(sig))))
                .isInstanceOf(BadSignatureException.class);
        String shortSig = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sig, 63));
        assertThat(readFails(file.replace(m.group(1), shortSig))).hasMessageContaining("has 63 bytes");
        assertThat(readFails(file.replace(m.group(1), ""))).hasMessageContaining("empty");
    }

    @Test
    void badBase64_isRefused() {
        Matcher m = Pattern.compile("<Payload>([^<]*)</Payload>").matcher(file);
        assertThat(m.find()).isTrue();
        assertThat(readFails(file.replace(m.group(1), "!!" + m.group(1)))).hasMessageContaining("not valid base64");
        assertThat(readFails(file.replace(m.group(1), m.group(1).substring(1))))
                .hasMessageContaining("Payload");
    }

    @Test
    void anotherSignersKeyInTheFile_isRefused() {
        String pem = BundleSamples.LAB_KEY.publicKey().toPem().strip();
        String other = BundleSamples.OTHER_KEY.publicKey().toPem().strip();
        assertThat(readFails(file.replace(pem, other))).hasMessageContaining("is not the key the payload names");
    }

    @Test
    void emptyBlankTruncatedOrNotXml_isRefused() {
        assertThat(readFails("")).hasMessageContaining("empty");
        assertThat(readFails("  \n")).hasMessageContaining("white space");
        assertThat(readFails("hello, world")).hasMessageContaining("not well-formed XML");
        assertThat(readFails("\u0000\u0001binary")).hasMessageContaining("not a text file");
        for (int n : new int[] {1, 10, 100, file.length() / 2, file.length() - 12}) {
            assertThat(readFails(file.substring(0, n))).as("cut at " + n).isInstanceOf(MalformedBundleException.class);
        }
    }

    @Test
    void doctypeXxeAndBillionLaughs_areRefused() {
        String body = file.substring(file.indexOf("<Bundle"));
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Bundle [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + body.replace("Lab", "&x;");
        assertThat(readFails(xxe)).hasMessageContaining("DOCTYPE");
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        lol.append("]>\n<Bundle xmlns=\"urn:airlock:bundle:1\" formatVersion=\"1\" kind=\"request\">&lol9;</Bundle>");
        assertThat(readFails(lol.toString())).hasMessageContaining("DOCTYPE");
        assertThat(readFails(file.replace("</Bundle>", "&amp;</Bundle>").replace("&amp;", "&foo;")))
                .isInstanceOf(MalformedBundleException.class);
    }

    @Test
    void wrongNamespaceVersionOrKind_isRefused() {
        assertThat(readFails(file.replace("urn:airlock:bundle:1", "urn:airlock:bundle:2")))
                .hasMessageContaining("namespace 'urn:airlock:bundle:2'");
        assertThat(readFails(file.replace(" xmlns=\"urn:airlock:bundle:1\"", "")))
                .hasMessageContaining("namespace is missing");
        assertThat(readFails(file.replace("formatVersion=\"1\"", "formatVersion=\"2\"")))
                .hasMessageContaining("format version 2");
        assertThat(readFails(file.replace("kind=\"request\"", "kind=\"response\"")))
                .isInstanceOf(MalformedBundleException.class);
        assertThat(readFails(file.replace("kind=\"request\"", "kind=\"card\"")))
                .hasMessageContaining("does not match the bundle format");
        assertThat(readFails(file.replace("<Products>", "<x:Products xmlns:x=\"urn:evil\">")
                .replace("</Products>", "</x:Products>"))).hasMessageContaining("urn:evil");
    }

    @Test
    void unexpectedOrDuplicatedElements_areRefusedByTheSchema() {
        assertThat(readFails(file.replace("<Products>", "<Products><Note>hello</Note>")))
                .hasMessageContaining("does not match the bundle format");
        String payloadLine = file.lines().filter(l -> l.contains("<Payload>")).findFirst().orElseThrow();
        assertThat(readFails(file.replace(payloadLine, payloadLine + "\n" + payloadLine)))
                .hasMessageContaining("does not match the bundle format");
        assertThat(readFails(file.replace("<Record ref=", "<Record note=\"x\" ref=")))
                .hasMessageContaining("does not match the bundle format");
    }

    @Test
    void oneGigabyteSparseFile_isRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("airlock-request-00000000-20260101.xml");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(1L << 30);
        }
        assertThatThrownBy(() -> BundleFile.read(f)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void tenThousandRecordRequest_fitsAndReadsBack() throws Exception {
        SignedBundle big = SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(),
                BundleSamples.sameProduct(10_000, 5), List.of(), Instant.parse("2026-01-01T00:00:00Z"), new Random(5))
                .bundle(), BundleSamples.LAB_KEY);
        byte[] bytes = BundleFile.write(big, BundleSamples.LAB_KEY.publicKey());
        assertThat(bytes.length).isLessThan(BundleFile.MAX_BYTES);
        assertThat(BundleFile.read(bytes)).isEqualTo(big);
    }

    @Test
    void fileNames_holdOnlyKindShortIdAndDate() throws Exception {
        assertThat(BundleFile.fileName(request)).isEqualTo("airlock-request-359d41ba-20260314.xml");
        assertThat(BundleFile.fileName(BundleSamples.signedResponse(request)))
                .isEqualTo("airlock-response-48be3bba-20260314.xml");
        assertThat(BundleFile.fileName(BundleSamples.signedCard())).isEqualTo("airlock-keycard-21fe31df-20260314.xml");
    }
}
