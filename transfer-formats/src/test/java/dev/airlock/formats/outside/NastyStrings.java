package dev.airlock.formats.outside;

import java.util.ArrayList;
import java.util.List;

/**
 * The one corpus of hostile strings every intake check and every renderer is tested with: line
 * breaks of every kind, C0 and C1 controls and terminal escape sequences, bidirectional overrides
 * and isolates, invisible format characters, noncharacters and lone surrogates, each inside
 * ordinary text ("EVIL" before, "SECOND-LINE" after), and clean strings that must pass unchanged.
 */
public final class NastyStrings {
    /** One hostile string: {@code reason} is a word the refusal must use. */
    public record Nasty(String name, String value, String reason) {
        /** Whether an XML 1.0 document can carry it at all (as a character reference). */
        public boolean xmlCanHoldIt() {
            return value.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF);
        }

        /** Whether it can be a file name on Linux (no NUL, no slash, valid UTF-16 to encode). */
        public boolean canBeAFileName() {
            return value.indexOf('\0') < 0 && value.indexOf('/') < 0 && !hasLoneSurrogate();
        }

        /** Whether it has a surrogate without its pair (UTF-8 cannot store it). */
        public boolean hasLoneSurrogate() {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && (i + 1 >= value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1)))) {
                    return true;
                }
                if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                    return true;
                }
            }
            return false;
        }

        /** The characters of {@code value} that must never reach a screen raw. */
        public List<String> forbidden() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    String pair = value.substring(i, i + 2);
                    if (!OutsideText.isClean(pair)) {
                        out.add(pair);
                    }
                    i++;
                } else if (!OutsideText.isClean(String.valueOf(c))) {
                    out.add(String.valueOf(c));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private NastyStrings() {}

    /** Every hostile string; each holds at least one character OutsideText refuses. */
    public static List<Nasty> all() {
        List<Nasty> all = new ArrayList<>();
        String lineBreak = "line break";
        add(all, "LF (a forged second row)", "EVIL\nSECOND-LINE", lineBreak);
        add(all, "CR (overwrites the line)", "EVIL\rSECOND-LINE", lineBreak);
        add(all, "CRLF", "EVIL\r\nSECOND-LINE", lineBreak);
        add(all, "NEL U+0085", "EVIL\u0085SECOND-LINE", lineBreak);
        add(all, "LINE SEPARATOR U+2028", "EVIL\u2028SECOND-LINE", lineBreak);
        add(all, "PARAGRAPH SEPARATOR U+2029", "EVIL\u2029SECOND-LINE", lineBreak);
        add(all, "VT U+000B", "EVIL\u000BSECOND-LINE", lineBreak);
        add(all, "FF U+000C", "EVIL\u000CSECOND-LINE", lineBreak);
        String control = "control character";
        add(all, "TAB", "EVIL\tSECOND-LINE", control);
        add(all, "ESC [2J (clears the screen)", "\u001b[2J\u001b[HEVIL", control);
        add(all, "ESC ] title (OSC)", "EVIL\u001b]0;pwned\u0007", control);
        add(all, "ESC [31m (colour)", "\u001b[31mEVIL\u001b[0m", control);
        add(all, "CSI U+009B", "EVIL\u009b2JSECOND", control);
        add(all, "OSC U+009D", "EVIL\u009d0;pwned\u009c", control);
        add(all, "BEL", "EVIL\u0007", control);
        add(all, "BS (backspace over text)", "GOOD\b\b\b\bEVIL", control);
        add(all, "DEL", "EVIL\u007f", control);
        add(all, "NUL", "EVIL\u0000SECOND", control);
        String bidi = "bidirectional control";
        add(all, "RLO U+202E", "EVIL\u202eexe.txt", bidi);
        add(all, "LRO U+202D", "EVIL\u202dSECOND", bidi);
        add(all, "RLE U+202B", "EVIL\u202bSECOND", bidi);
        add(all, "LRE U+202A", "EVIL\u202aSECOND", bidi);
        add(all, "PDF U+202C", "EVIL\u202cSECOND", bidi);
        add(all, "LRI U+2066", "EVIL\u2066SECOND\u2069", bidi);
        add(all, "RLI U+2067", "EVIL\u2067SECOND\u2069", bidi);
        add(all, "FSI U+2068", "EVIL\u2068SECOND\u2069", bidi);
        add(all, "PDI U+2069", "EVIL\u2069SECOND", bidi);
        add(all, "RLM U+200F", "EVIL\u200fSECOND", bidi);
        add(all, "LRM U+200E", "EVIL\u200eSECOND", bidi);
        add(all, "ALM U+061C", "EVIL\u061cSECOND", bidi);
        String format = "invisible format character";
        add(all, "ZERO WIDTH SPACE U+200B", "EV\u200bIL", format);
        add(all, "ZERO WIDTH NON-JOINER U+200C", "EV\u200cIL", format);
        add(all, "ZERO WIDTH JOINER U+200D", "EV\u200dIL", format);
        add(all, "WORD JOINER U+2060", "EV\u2060IL", format);
        add(all, "BOM U+FEFF inside", "EV\ufeffIL", format);
        add(all, "SOFT HYPHEN U+00AD", "EV\u00adIL", format);
        add(all, "INTERLINEAR ANNOTATION U+FFF9", "EV\ufff9IL", format);
        add(all, "TAG CHARACTER U+E0041", "EVIL" + new String(Character.toChars(0xE0041)), format);
        String non = "noncharacter";
        add(all, "U+FFFE", "EVIL\ufffeSECOND", non);
        add(all, "U+FFFF", "EVIL\uffffSECOND", non);
        add(all, "U+FDD0", "EVIL\ufdd0SECOND", non);
        add(all, "U+1FFFE", "EVIL" + new String(Character.toChars(0x1FFFE)) + "SECOND", non);
        String lone = "lone surrogate";
        add(all, "lone high surrogate", "EVIL\ud800SECOND", lone);
        add(all, "lone low surrogate", "EVIL\udc00SECOND", lone);
        add(all, "reversed pair", "EVIL\udc00\ud800SECOND", lone);
        return List.copyOf(all);
    }

    /** Strings that look unusual but are plain data: taken in and shown exactly as they are. */
    public static List<String> clean() {
        return List.of("LAB-01", "Büro-PC-Ø3", "研究室の端末", "مختبر-٣", "emoji 😀 ok", "O'Brien & Co <x> \"q\"",
                "back\\slash \\u202e as text", "Windows(R), Enterprise edition", "⏎ a sign, not a break");
    }

    private static void add(List<Nasty> all, String name, String value, String reason) {
        all.add(new Nasty(name, value, reason));
    }
}
