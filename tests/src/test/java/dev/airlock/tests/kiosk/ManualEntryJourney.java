package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecordReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Manual IID entry with typing errors: a short group is named, Save refuses an incomplete IID,
 * a whole IID pasted into group 1 spreads over the groups, the read-back is confirmed, and the
 * machine shows up in the machine list; a group whose check digit does not fit is marked as soon
 * as it is typed and kept only by "Keep it as typed".
 */
@ExtendWith(FailureShot.class)
class ManualEntryJourney {
    static Kiosk kiosk;
    static String iid;

    @BeforeAll
    static void start() throws Exception {
        kiosk = Kiosk.start("manual-entry", o -> o, dir -> {
            Path data = dir.resolve("data");
            AirlockCli.ok(data, "init", "--role", "lab", "--name", "Lab 3");
            Path known = dir.resolve("known");
            AirlockCli.ok(null, "demo", "--machines", "3", "--to", known.toString());
            AirlockCli.ok(data, "intake", known.toString(), "-q");
            Path other = dir.resolve("other");
            AirlockCli.ok(null, "demo", "--machines", "1", "--seed", "4242", "--to", other.toString());
            try (Stream<Path> s = Files.list(other.resolve("AIRLOCK/collected"))) {
                Path f = s.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
                CollectedProduct p = new CollectorRecordReader().read(f).products().get(0);
                iid = p.iid().digits();
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void typingErrors_areNamed_pasteSpreads_readBackConfirmed_machineListed() {
        KioskBrowser b = kiosk.browser;
        assertThat(iid).hasSize(63);
        HomePage home = kiosk.unlockAndFirstSupervisor();
        home.nav("nav.collect");
        CollectPage collect = new CollectPage(b);
        collect.machineAndProduct("MANUAL-PC01");

        // Group 1 one digit short, then group 2 typed: the message names group 1.
        collect.typeGroup(1, iid.substring(0, 6));
        collect.typeGroup(2, iid.substring(7, 14));
        assertThat(collect.groupsMessage()).isEqualTo(Texts.get("digits.groupWrong", 1, 6, 7));
        b.screenshot("collect-manual-short-group");
        collect.save();
        assertThat(collect.manualError()).hasText(Texts.get("digits.groupWrong", 1, 6, 7));
        assertThat(collect.readBack()).not().isVisible();
        b.screenshot("collect-manual-refused");

        // The whole IID pasted into group 1 (grouped with spaces, as written down) spreads over all nine.
        // (Not with dashes: DigitGroupsField reads '-' as the AZERTY 6 key.)
        String pasted = String.join(" ", java.util.stream.IntStream.range(0, 9)
                .mapToObj(i -> iid.substring(i * 7, i * 7 + 7)).toList());
        collect.typeGroup(1, pasted);
        for (int g = 1; g <= 9; g++) {
            assertThat(collect.iidGroup(g)).hasValue(iid.substring(g * 7 - 7, g * 7));
        }
        assertThat(collect.groupsMessage()).isEmpty();
        b.screenshot("collect-manual-pasted");

        // Read-back (opens by itself once all nine groups are complete), confirmed.
        assertThat(collect.readBack()).isVisible();
        b.screenshot("collect-manual-readback");
        String result = collect.confirm();
        assertThat(result).contains("MANUAL-PC01");
        b.screenshot("collect-manual-saved");

        collect.nav("nav.machines");
        MachinesPage machines = new MachinesPage(b);
        machines.search("MANUAL-PC01");
        assertThat(machines.grid()).containsText("MANUAL-PC01");
        b.screenshot("machines-manual");

        // A mistyped group (group 4, one digit off): marked red with words below as soon as it is complete.
        machines.nav("nav.collect");
        collect = new CollectPage(b);
        collect.machineAndProduct("MANUAL-PC02");
        char d = iid.charAt(3 * 7 + 1);
        String typo = iid.substring(0, 22) + (char) (d == '9' ? '8' : d + 1) + iid.substring(23);
        for (int g = 1; g <= 4; g++) {
            collect.typeGroup(g, typo.substring(g * 7 - 7, g * 7));
        }
        assertThat(collect.iidGroupField(4)).hasClass(java.util.regex.Pattern.compile(".*\\bdigit-group-flagged\\b.*"));
        assertThat(collect.iidGroupField(4)).hasAttribute("invalid", "");
        assertThat(collect.iidGroupField(3)).not().hasAttribute("invalid", "");
        assertThat(collect.groupsMessage()).isEqualTo(Texts.get("digits.groupMistyped", "4"));
        b.screenshot("collect-manual-mistyped-group");
        for (int g = 5; g <= 9; g++) {
            collect.typeGroup(g, typo.substring(g * 7 - 7, g * 7));
        }
        // The read-back says so and asks for an explicit "Keep it as typed".
        assertThat(collect.readBack()).isVisible();
        assertThat(collect.readBack()).hasText(Texts.get("collect.readback.keep"));
        assertThat(collect.readBackFlag()).containsText(Texts.get("collect.readback.flagged", "4").substring(0, 30));
        b.screenshot("collect-manual-keep-as-typed");
        assertThat(collect.confirm()).contains("MANUAL-PC02");
    }
}
