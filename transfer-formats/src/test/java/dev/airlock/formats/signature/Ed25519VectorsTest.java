package dev.airlock.formats.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 8032 section 7.1 Ed25519 vectors (TEST 1, 2, 3, 1024, SHA(abc)) run in a loop that
 * collects every failure, Tink style: derive the public key, sign, verify, and reject a flip.
 */
class Ed25519VectorsTest {
    record Vector(String name, byte[] secret, byte[] publicKey, byte[] message, byte[] signature) {}

    static List<Vector> vectors() throws IOException {
        String text;
        try (InputStream in = Ed25519VectorsTest.class.getResourceAsStream("rfc8032-ed25519.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<Vector> out = new ArrayList<>();
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    HexFormat hex = HexFormat.of();
                    out.add(new Vector(fields.get("name").toString(), hex.parseHex(fields.get("secret")),
                            hex.parseHex(fields.get("public")), hex.parseHex(fields.get("message")),
                            hex.parseHex(fields.get("signature"))));
                    fields.clear();
                }
                continue;
            }
            if (line.startsWith("+")) {
                fields.get(last).append(line.substring(1).strip());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon);
            fields.put(last, new StringBuilder(line.substring(colon + 1).strip()));
        }
        return out;
    }

    @Test
    void rfc8032Vectors_allPass() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).extracting(Vector::name)
                .containsExactly("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)");
        assertThat(vectors.get(3).message()).hasSize(1023);
        List<String> failures = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (Vector v : vectors) {
            SigningKey key = SigningKey.fromSeed(v.secret());
            if (!java.util.Arrays.equals(key.publicKey().raw(), v.publicKey())) {
                failures.add(v.name() + ": public key " + hex.formatHex(key.publicKey().raw()));
            }
            byte[] sig = key.signer().sign(v.message());
            if (!java.util.Arrays.equals(sig, v.signature())) {
                failures.add(v.name() + ": signature " + hex.formatHex(sig));
            }
            PublicKey pub = PublicKey.ofRaw(v.publicKey());
            try {
                pub.verifier().verify(v.signature(), v.message());
            } catch (BadSignatureException e) {
                failures.add(v.name() + ": valid signature rejected: " + e.getMessage());
            }
            byte[] flipped = v.signature().clone();
            flipped[0] ^= 1;
            try {
                pub.verifier().verify(flipped, v.message());
                failures.add(v.name() + ": flipped signature accepted");
            } catch (BadSignatureException expected) {
                // rejected, as it should be
            }
        }
        assertThat(failures).isEmpty();
    }
}
