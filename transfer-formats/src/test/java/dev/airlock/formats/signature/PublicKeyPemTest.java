package dev.airlock.formats.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an Ed25519 public key from PEM: what openssl writes is read, everything else is refused by name. */
class PublicKeyPemTest {
    private static final SigningKey KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    @TempDir
    Path dir;

    @Test
    void fromPem_readsBackToPem() {
        PublicKey k = KEY.publicKey();
        assertThat(PublicKey.fromPem(k.toPem())).isEqualTo(k);
        assertThat(PublicKey.fromPem("\n\n" + k.toPem().replace("\n", "\r\n") + "\n")).isEqualTo(k);
    }

    @Test
    void fromPem_readsWhatOpensslWrites_andVerifiesWhatOpensslSigns() throws Exception {
        openssl("genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        openssl("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        byte[] data = "format=airlock-update-1\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("data"), data);
        openssl("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "data", "-out", "data.sig");
        PublicKey k = PublicKey.fromPem(Files.readString(dir.resolve("pub.pem")));
        byte[] sig = Files.readAllBytes(dir.resolve("data.sig"));
        assertThat(sig).hasSize(64);
        k.verifier().verify(sig, data);
        data[0] ^= 1;
        assertThatThrownBy(() -> k.verifier().verify(sig, data)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void fromPem_refusesPrivateKeysOtherAlgorithmsAndDamage() throws Exception {
        openssl("genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        assertThatThrownBy(() -> PublicKey.fromPem(Files.readString(dir.resolve("key.pem"))))
                .hasMessageContaining("holds a private key");
        openssl("genpkey", "-algorithm", "ed448", "-out", "ed448.pem");
        openssl("pkey", "-in", "ed448.pem", "-pubout", "-out", "ed448.pub");
        assertThatThrownBy(() -> PublicKey.fromPem(Files.readString(dir.resolve("ed448.pub"))))
                .hasMessageContaining("not an Ed25519 key");
        String good = KEY.publicKey().toPem();
        assertThatThrownBy(() -> PublicKey.fromPem(good.replace("MCow", "MC*w")))
                .hasMessageContaining("does not decode");
        assertThatThrownBy(() -> PublicKey.fromPem(good + good)).hasMessageContaining("single block");
        assertThatThrownBy(() -> PublicKey.fromPem("hello")).hasMessageContaining("single block");
        assertThatThrownBy(() -> PublicKey.fromPem("x".repeat(5000))).hasMessageContaining("5000 characters");
        assertThatThrownBy(() -> PublicKey.fromSpki(new byte[44])).hasMessageContaining("not an Ed25519 key");
    }

    private void openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl %s: %s", String.join(" ", args), out).isZero();
    }
}
