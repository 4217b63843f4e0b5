package dev.airlock.formats.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one rule for outside text, over the shared corpus of nasty strings; failures collected, then asserted empty. */
class OutsideTextTest {
    @Test
    void problem_namesTheReason_forEveryNastyString() {
        List<String> failures = new ArrayList<>();
        for (NastyStrings.Nasty n : NastyStrings.all()) {
            var p = OutsideText.problem(n.value());
            if (p.isEmpty() || !p.get().contains(n.reason()) || !p.get().matches(".*\\(U\\+[0-9A-F]{4,6}\\)")) {
                failures.add(n + ": " + p);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shown_leavesNoForbiddenCharacter_andKeepsTheTextAround() {
        List<String> failures = new ArrayList<>();
        for (NastyStrings.Nasty n : NastyStrings.all()) {
            String shown = OutsideText.shown(n.value());
            if (!OutsideText.isClean(shown) || n.forbidden().stream().anyMatch(shown::contains)
                    || !shown.contains("EVIL") && !shown.contains("EV")) {
                failures.add(n + " shown as " + shown);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(OutsideText.shown("EVIL\nSECOND-LINE")).isEqualTo("EVIL⏎SECOND-LINE");
        assertThat(OutsideText.shown("EVIL\r\nSECOND-LINE")).isEqualTo("EVIL⏎SECOND-LINE");
        assertThat(OutsideText.shown("EVIL\u202eexe.txt")).isEqualTo("EVIL\\u202eexe.txt");
        assertThat(OutsideText.shown("\u001b[2J")).isEqualTo("\\u001b[2J");
        assertThat(OutsideText.shown("a\ud800b")).isEqualTo("a\\ud800b");
        assertThat(OutsideText.shown(null)).isEmpty();
    }

    @Test
    void cleanStrings_passUnchanged() {
        for (String s : NastyStrings.clean()) {
            assertThat(OutsideText.problem(s)).as(s).isEmpty();
            assertThat(OutsideText.shown(s)).isEqualTo(s);
            assertThat(guarded(s)).isEqualTo(s);
        }
    }

    @Test
    void guardedWriter_showsWhatShownShows_butKeepsTheProgramsOwnLineEnds() throws Exception {
        List<String> failures = new ArrayList<>();
        for (NastyStrings.Nasty n : NastyStrings.all()) {
            String expected = OutsideText.shown(n.value().replace("\r\n", "\r"));
            String got = guarded(n.value());
            // a lone LF is the program's own line end: it stays; everything else is as shown()
            if (n.value().contains("\n") && !n.value().contains("\r\n")) {
                expected = n.value().replace("\n", "\u0001").transform(OutsideText::shown).replace("\\u0001", "\n");
            }
            if (n.value().contains("\r\n")) {
                expected = OutsideText.shown(n.value().replace("\r\n", "\r")) .replace("⏎", "⏎\n");
            }
            if (!got.equals(expected)) {
                failures.add(n + ": " + got + " != " + expected);
            }
        }
        assertThat(failures).isEmpty();
        // a pair split across two writes is kept whole
        StringWriter sink = new StringWriter();
        try (Writer w = OutsideText.guarded(sink)) {
            w.write("😀".charAt(0));
            w.flush();
            w.write("😀".charAt(1));
        }
        assertThat(sink.toString()).isEqualTo("😀");
    }

    @Test
    void fileNamePart_isVfatSafe_bounded_andKeepsLongNamesApart() {
        List<String> inputs = new ArrayList<>();
        NastyStrings.all().forEach(n -> inputs.add(n.value()));
        inputs.addAll(NastyStrings.clean());
        inputs.addAll(List.of(".hidden", "..", "trailing. ", "CON", "a".repeat(255), "a".repeat(254) + "b", "",
                "x:y*z?<>|\"\\"));
        Set<String> long255 = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (String in : inputs) {
            String part = OutsideText.fileNamePart(in, 64);
            if (!part.matches("[A-Za-z0-9_-][A-Za-z0-9_.~-]*") || part.length() > 64 || part.endsWith(".")) {
                failures.add(OutsideText.shown(in) + " -> " + part);
            }
            if (in.length() == 255) {
                long255.add(part);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(long255).as("two long names that share a beginning stay apart").hasSize(2);
        assertThat(OutsideText.fileNamePart("LAB-01.corp", 64)).isEqualTo("LAB-01.corp");
    }

    private static String guarded(String s) {
        StringWriter sink = new StringWriter();
        try (Writer w = OutsideText.guarded(sink)) {
            w.write(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sink.toString();
    }
}
