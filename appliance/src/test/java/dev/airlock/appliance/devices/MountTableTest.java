package dev.airlock.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    static final String SAMPLE = """
            22 27 0:21 / /proc rw,relatime - proc proc rw
            27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            90 27 8:17 / /media/airlock/LAB\\040STICK rw,nosuid,nodev,relatime shared:50 - vfat /dev/sdb1 rw,fmask=0022
            91 27 0:39 / /run/airlock/media/img rw,nosuid,nodev,relatime - fuse.fusefat fusefat rw,user_id=0
            92 27 0:40 / /run/airlock/media/img rw,relatime - tmpfs tmpfs rw
            garbage line
            """;

    @Test
    void parse_decodesOctalEscapes_andKeepsTheTopMount() {
        MountTable t = MountTable.parse(SAMPLE);
        MountTable.Mount lab = t.at(Path.of("/media/airlock/LAB STICK")).orElseThrow();
        assertEquals("vfat", lab.type());
        assertEquals("/dev/sdb1", lab.source());
        assertTrue(lab.blockDevice());
        assertFalse(lab.fuse());
        assertEquals("tmpfs", t.at(Path.of("/run/airlock/media/img")).orElseThrow().type(), "over-mounted: the top wins");
    }

    @Test
    void atOrBelow_and_holding() {
        MountTable t = MountTable.parse(SAMPLE);
        assertEquals(List.of(Path.of("/media/airlock/LAB STICK")),
                t.atOrBelow(Path.of("/media")).stream().map(MountTable.Mount::mountPoint).toList());
        assertEquals(Path.of("/media/airlock/LAB STICK"),
                t.holding(Path.of("/media/airlock/LAB STICK/AIRLOCK/x")).orElseThrow().mountPoint());
        assertEquals(Path.of("/"), t.holding(Path.of("/home")).orElseThrow().mountPoint());
    }

    @Test
    void unescape_handlesTabsBackslashesAndUtf8() {
        assertEquals("a b\tc\\d", MountTable.unescape("a\\040b\\011c\\134d"));
        assertEquals("Stick é", MountTable.unescape("Stick\\040\\303\\251"));
        assertEquals("no\\escape\\4", MountTable.unescape("no\\escape\\4"));
        assertTrue(MountTable.parse(SAMPLE).atOrBelow(Path.of("/nowhere")).isEmpty());
    }

    @Test
    void udevLabels_areUnescaped() {
        assertEquals("LAB STICK", Labels.udevUnescape("LAB\\x20STICK"));
    }
}
