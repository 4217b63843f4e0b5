package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.testing.UpdateRelease;
import dev.airlock.appliance.update.UpdateException.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest parser: exactly the six keys in order, each value checked; hostile files refused by name. */
class UpdateManifestTest {
    private static final String SHA = "57e92b4af1701af3f932b2f13a9ec83046fc3970fd08d7f7a6064aef07635d76";
    private static final String GOOD = "format=airlock-update-1\nversion=2026.12.01.3\n"
            + "image=airlock-2026.12.01.3.root.squashfs\nsize=3000000\nsha256=" + SHA + "\nbuilt=2026-12-01T10:00:00Z\n";

    private static UpdateManifest parse(String text) throws UpdateException {
        return UpdateManifest.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_whatSignUpdateWrites_givesEveryField() throws Exception {
        UpdateManifest m = parse(GOOD);
        assertThat(m.version()).isEqualTo(ImageVersion.parse("2026.12.01.3"));
        assertThat(m.image()).isEqualTo("airlock-2026.12.01.3.root.squashfs");
        assertThat(m.size()).isEqualTo(3_000_000L);
        assertThat(m.sha256()).isEqualTo(SHA);
        assertThat(m.built()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(parse(GOOD.substring(0, GOOD.length() - 1))).as("without the last LF").isEqualTo(m);
        assertThat(UpdateManifest.fileName(m.version())).isEqualTo("airlock-2026.12.01.3.update");
        assertThat(parse(UpdateRelease.manifest("1.2", "x.squashfs", new byte[] {1, 2, 3})).size()).isEqualTo(3);
    }

    @Test
    void parse_hostileManifests_areRefusedNamingTheFault() {
        Map<String, String> table = new java.util.LinkedHashMap<>();
        table.put(GOOD + "#".repeat(4096), "at most 4096 bytes");
        table.put("", "it is empty");
        table.put(GOOD.replace("built=", "bulit="), "unknown key 'bulit'");
        table.put(GOOD + "extra=1\n", "unknown key 'extra'");
        table.put(GOOD + "size=3000000\n", "'size=' appears twice (lines 4 and 7)");
        table.put(GOOD.replace("size=3000000\n", ""), "no 'size=' line");
        table.put(GOOD.replace("format=airlock-update-1\nversion=2026.12.01.3\n",
                "version=2026.12.01.3\nformat=airlock-update-1\n"), "line 1 has 'version=' where 'format=' belongs");
        table.put(GOOD.replace("airlock-update-1", "airlock-update-2"), "not airlock-update-1");
        table.put(GOOD.replace("version=2026.12.01.3", "version=2026.12.x"), "not dotted numbers");
        table.put(GOOD.replace("version=2026.12.01.3", "version="), "the version is empty");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image=../x"), "is a path");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image=/etc/shadow"), "is a path");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image=a\\b"), "is a path");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image=.hidden"), "not a plain file name");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image=a b"), "not a plain file name");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image="), "not a plain file name");
        table.put(GOOD.replace("image=airlock-2026.12.01.3.root.squashfs", "image=airlock-1.update"),
                "names a manifest or signature file");
        table.put(GOOD.replace("size=3000000", "size=-1"), "not a whole number");
        table.put(GOOD.replace("size=3000000", "size=0"), "not a whole number");
        table.put(GOOD.replace("size=3000000", "size=3e6"), "not a whole number");
        table.put(GOOD.replace("size=3000000", "size=99999999999999999"), "larger than any root file system");
        table.put(GOOD.replace(SHA, SHA.toUpperCase()), "not 64 lower-case hex digits");
        table.put(GOOD.replace(SHA, SHA.substring(1)), "not 64 lower-case hex digits");
        table.put(GOOD.replace(SHA, SHA.substring(1) + "g"), "not 64 lower-case hex digits");
        table.put(GOOD.replace("built=2026-12-01T10:00:00Z", "built=2026-12-01T10:00:00+01:00"), "not a UTC time");
        table.put(GOOD.replace("built=2026-12-01T10:00:00Z", "built=yesterday"), "not a UTC time");
        table.put(GOOD.replace("\n", "\r\n"), "Windows line ends");
        table.put(GOOD.replace("size=", "\nsize="), "line 4 is empty");
        table.put(GOOD.replace("size=3000000", "size 3000000"), "is not key=value");
        table.put(GOOD.replace("size=3000000", "size=30\u000000"), "control character");
        table.put(GOOD + "\n", "line 7 is empty");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> t : table.entrySet()) {
            try {
                parse(t.getKey());
                failures.add("accepted: " + t.getValue());
            } catch (UpdateException e) {
                if (e.problem() != Problem.MALFORMED || !e.getMessage().contains(t.getValue())) {
                    failures.add("expected '" + t.getValue() + "', got " + e.problem() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void parse_bytesThatAreNotUtf8_areRefused() {
        byte[] b = GOOD.getBytes(StandardCharsets.UTF_8);
        b[10] = (byte) 0xC3;
        b[11] = (byte) 0x28;
        assertThatThrownBy(() -> UpdateManifest.parse(b)).hasMessageContaining("not UTF-8");
    }
}
