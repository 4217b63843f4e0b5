package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent implementation checks our signatures: the machine's openssl verifies the
 * signed message taken out of a bundle file, both by plain string handling and by running the
 * shell recipe from FORMAT.md literally with /bin/sh. Requires openssl 3 on the PATH (CI has it).
 */
class OpensslVerifyTest {
    private static final String VERIFIED = "Signature Verified Successfully";

    @Test
    void openssl_verifiesTheSignedMessageExtractedFromEachKindOfFile(@TempDir Path dir) throws Exception {
        SignedBundle request = BundleSamples.signedRequest();
        for (SignedBundle b : List.of(request, BundleSamples.signedResponse(request), BundleSamples.signedCard())) {
            String file = new String(BundleFile.write(b, b.kind() == BundleKind.RESPONSE
                    ? BundleSamples.GATEWAY_KEY.publicKey() : BundleSamples.LAB_KEY.publicKey()), StandardCharsets.UTF_8);
            // exactly what the recipe does: tag + NUL, base64 payload, base64 signature, PEM lines
            String tag = group(file, "<Signature [^>]* tag=\"([a-z]+/[a-z]+/[0-9]+)\"");
            byte[] payload = Base64.getDecoder().decode(group(file, "(?m)^ *<Payload>([A-Za-z0-9+/=]*)</Payload>$"));
            byte[] sig = Base64.getDecoder().decode(group(file,
                    "(?m)^ *<SignatureValue>([A-Za-z0-9+/=]*)</SignatureValue>$"));
            String pem = group(file, "(?ms)^(-----BEGIN PUBLIC KEY-----$.*?^-----END PUBLIC KEY-----)$") + "\n";
            byte[] msg = new byte[tag.length() + 1 + payload.length];
            System.arraycopy(tag.getBytes(StandardCharsets.US_ASCII), 0, msg, 0, tag.length());
            System.arraycopy(payload, 0, msg, tag.length() + 1, payload.length);
            assertThat(msg).isEqualTo(b.signedMessage());
            Files.write(dir.resolve("msg.bin"), msg);
            Files.write(dir.resolve("sig.bin"), sig);
            Files.writeString(dir.resolve("key.pem"), pem);
            assertThat(openssl(dir)).as(b.kind().word()).contains(VERIFIED);
            msg[msg.length - 1] ^= 1;
            Files.write(dir.resolve("msg.bin"), msg);
            assertThat(openssl(dir)).as("tampered " + b.kind().word()).doesNotContain(VERIFIED)
                    .contains("Signature Verification Failure");
        }
    }

    @Test
    void formatMdRecipe_runLiterallyWithBinSh_verifiesAndCatchesTampering(@TempDir Path dir) throws Exception {
        String recipe = recipeFromFormatMd();
        assertThat(recipe).doesNotContain("python").doesNotContain("xmllint").doesNotContain("xxd");
        Files.writeString(dir.resolve("verify.sh"), recipe);
        SignedBundle b = BundleSamples.signedRequest();
        String name = BundleFile.fileName(b);
        byte[] file = BundleFile.write(b, BundleSamples.LAB_KEY.publicKey());
        Files.write(dir.resolve(name), file);
        assertThat(run(dir, "/bin/sh", "verify.sh", name)).contains(VERIFIED);
        // a file whose payload was edited (one base64 character) fails
        String text = new String(file, StandardCharsets.UTF_8);
        String payload = group(text, "<Payload>([^<]*)</Payload>");
        char c = payload.charAt(40);
        String edited = text.replace(payload, payload.substring(0, 40) + (c == 'A' ? 'B' : 'A') + payload.substring(41));
        Files.writeString(dir.resolve(name), edited);
        assertThat(run(dir, "/bin/sh", "verify.sh", name)).doesNotContain(VERIFIED);
    }

    /** The one ```sh block under "## Verify with openssl alone" in FORMAT.md. */
    static String recipeFromFormatMd() throws IOException {
        try (InputStream in = BundleFile.class.getResourceAsStream("/dev/airlock/formats/bundle/FORMAT.md")) {
            String md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String section = md.substring(md.indexOf("## Verify with openssl alone"));
            return group(section, "(?s)```sh\n(.*?)```");
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static String openssl(Path dir) throws Exception {
        return run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin", "-in", "msg.bin",
                "-sigfile", "sig.bin");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
