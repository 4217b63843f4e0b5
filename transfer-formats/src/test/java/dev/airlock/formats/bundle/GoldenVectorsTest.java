package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins every wire format byte for byte: payload, envelope and file of each kind, built from
 * the RFC 8032 TEST 1/2 seeds and seeded randomness (golden/). A change here is a format change.
 */
class GoldenVectorsTest {
    static String golden(String name) throws IOException {
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden/" + name + " (regenerate with GoldenVectorsTest.main and inspect)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void request_payloadEnvelopeAndFile_matchGoldenBytes() throws Exception {
        SignedBundle b = BundleSamples.signedRequest();
        assertThat(hex(b.payload())).isEqualTo(golden("request.payload.hex").strip());
        assertThat(hex(b.envelope())).isEqualTo(golden("request.envelope.hex").strip());
        assertThat(new String(BundleFile.write(b, BundleSamples.LAB_KEY.publicKey()), StandardCharsets.UTF_8))
                .isEqualTo(golden("airlock-request-359d41ba-20260314.xml"));
        assertThat(BundleFile.fileName(b)).isEqualTo("airlock-request-359d41ba-20260314.xml");
    }

    @Test
    void response_payloadEnvelopeAndFile_matchGoldenBytes() throws Exception {
        SignedBundle b = BundleSamples.signedResponse(BundleSamples.signedRequest());
        assertThat(hex(b.payload())).isEqualTo(golden("response.payload.hex").strip());
        assertThat(hex(b.envelope())).isEqualTo(golden("response.envelope.hex").strip());
        assertThat(new String(BundleFile.write(b, BundleSamples.GATEWAY_KEY.publicKey()), StandardCharsets.UTF_8))
                .isEqualTo(golden("airlock-response-48be3bba-20260314.xml"));
    }

    @Test
    void keyCard_payloadEnvelopeAndFile_matchGoldenBytes() throws Exception {
        SignedBundle b = BundleSamples.signedCard();
        assertThat(hex(b.payload())).isEqualTo(golden("keycard.payload.hex").strip());
        assertThat(hex(b.envelope())).isEqualTo(golden("keycard.envelope.hex").strip());
        assertThat(new String(BundleFile.write(b, BundleSamples.LAB_KEY.publicKey()), StandardCharsets.UTF_8))
                .isEqualTo(golden("airlock-keycard-21fe31df-20260314.xml"));
    }

    @Test
    void goldenFiles_readBackToTheSameEnvelopes() throws Exception {
        for (String name : new String[] {"request", "response", "keycard"}) {
            String file = switch (name) {
                case "request" -> "airlock-request-359d41ba-20260314.xml";
                case "response" -> "airlock-response-48be3bba-20260314.xml";
                default -> "airlock-keycard-21fe31df-20260314.xml";
            };
            SignedBundle read = BundleFile.read(golden(file).getBytes(StandardCharsets.UTF_8));
            assertThat(hex(read.envelope())).as(name).isEqualTo(golden(name + ".envelope.hex").strip());
            assertThat(SignedBundle.parse(HexFormat.of().parseHex(golden(name + ".envelope.hex").strip())))
                    .isEqualTo(read);
        }
    }

    @Test
    void goldenRequest_verifiesWithTheRfc8032Test1PublicKey() throws Exception {
        PublicKey rfcTest1 = PublicKey.ofRaw(
                HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        SignedBundle.parse(HexFormat.of().parseHex(golden("request.envelope.hex").strip())).verify(rfcTest1);
    }

    /** Regenerates the golden files into {@code args[0]}; inspect the diff before pinning. */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        SignedBundle req = BundleSamples.signedRequest();
        SignedBundle resp = BundleSamples.signedResponse(req);
        SignedBundle card = BundleSamples.signedCard();
        write(dir, "request", req, BundleSamples.LAB_KEY.publicKey());
        write(dir, "response", resp, BundleSamples.GATEWAY_KEY.publicKey());
        write(dir, "keycard", card, BundleSamples.LAB_KEY.publicKey());
    }

    private static void write(java.nio.file.Path dir, String name, SignedBundle b, PublicKey key) throws IOException {
        java.nio.file.Files.writeString(dir.resolve(name + ".payload.hex"), hex(b.payload()) + "\n");
        java.nio.file.Files.writeString(dir.resolve(name + ".envelope.hex"), hex(b.envelope()) + "\n");
        java.nio.file.Files.write(dir.resolve(BundleFile.fileName(b)), BundleFile.write(b, key));
    }
}
