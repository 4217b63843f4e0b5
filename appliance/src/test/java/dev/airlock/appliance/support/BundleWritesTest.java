package dev.airlock.appliance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWritesTest {
    private final SigningKey key = SigningKey.generate(new SecureRandom());
    private final SignedBundle card = SignedBundle.sign(new KeyCard(KeyCard.Role.LAB, "bench", key.publicKey(),
            Instant.parse("2026-03-14T09:26:53Z")), key);

    @TempDir
    Path dir;

    @Test
    void write_thenTheFileReadsAsTheSameBundle() throws Exception {
        Path file = dir.resolve(BundleFile.fileName(card));
        BundleWrites.write(file, card, key.publicKey());
        assertThat(BundleFile.read(file)).isEqualTo(card);
    }

    @Test
    void checkReadBack_ofAFileTheMediumChanged_throwsNamingTheFile() throws Exception {
        Path file = dir.resolve(BundleFile.fileName(card));
        BundleWrites.write(file, card, key.publicKey());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        int i = text.indexOf("<SignatureValue>") + "<SignatureValue>".length() + 3;
        bytes[i] = (byte) (bytes[i] == 'A' ? 'B' : 'A');
        Files.write(file, bytes);
        assertThatThrownBy(() -> BundleWrites.checkReadBack(file, card, key.publicKey()))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("cannot be trusted");
    }

    @Test
    void checkReadBack_ofAShortFileOrNone_throws() throws Exception {
        Path file = dir.resolve(BundleFile.fileName(card));
        BundleWrites.write(file, card, key.publicKey());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> BundleWrites.checkReadBack(file, card, key.publicKey()))
                .isInstanceOf(IOException.class).hasMessageContaining("does not verify");
        Files.delete(file);
        assertThatThrownBy(() -> BundleWrites.checkReadBack(file, card, key.publicKey()))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read it back");
    }
}
