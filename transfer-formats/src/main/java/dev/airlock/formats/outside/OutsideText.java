package dev.airlock.formats.outside;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Text from outside (collector and result files, key card labels, bundles, stick file names) is
 * data, never layout. {@link #problem} says why a string may not be taken in (a control
 * character, a line break, a bidirectional override or isolate, a noncharacter, a lone
 * surrogate); {@link #shown} renders any string so that it cannot break a line, move the cursor,
 * reorder the text around it or fake a row: a line break as {@code ⏎}, everything else it would
 * not take in as a backslash-u escape (U+202E as backslash, u, 202e). Every screen, table, JSON document, log line and file name goes
 * through here.
 */
public final class OutsideText {
    /** Shown in place of a line break (CR, LF, CRLF, NEL, U+2028, U+2029). */
    public static final char LINE_BREAK_SIGN = '⏎';

    private OutsideText() {}

    /**
     * Why {@code s} cannot be taken in as one line of text, naming the first bad character
     * ("contains a line break (U+000A)"), or empty when it can.
     */
    public static Optional<String> problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = s.codePointAt(i);
                String kind = pairKind(cp);
                if (kind != null) {
                    return Optional.of("contains " + kind + " (" + u(cp) + ")");
                }
                i++;
                continue;
            }
            String kind = kind(c);
            if (kind != null) {
                return Optional.of("contains " + kind + " (" + u(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code s} can be taken in as it is ({@link #problem} finds nothing). */
    public static boolean isClean(String s) {
        return problem(s).isEmpty();
    }

    /** What kind of character a lone UTF-16 unit {@code c} is when it may not be taken in, else null. */
    private static String kind(char c) {
        if (isLineBreak(c)) {
            return "a line break";
        }
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return "the control character";
        }
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0x061C) {
            return "the bidirectional control";
        }
        if (Character.isSurrogate(c)) {
            return "a lone surrogate";
        }
        if (isNoncharacter(c)) {
            return "the noncharacter";
        }
        if (Character.getType(c) == Character.FORMAT) {
            return "the invisible format character";
        }
        return null;
    }

    /** What kind of supplementary code point {@code cp} is when it may not be taken in, else null. */
    private static String pairKind(int cp) {
        if (isNoncharacter(cp)) {
            return "the noncharacter";
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return "the invisible format character";
        }
        return null;
    }

    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isNoncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    /**
     * {@code s} as it may be shown on any screen or written on one line of a log: unchanged when
     * clean; a line break becomes {@code ⏎} (CRLF one sign), every other character {@link #problem}
     * refuses becomes backslash-u and four hex digits, so "EVIL\nSECOND-LINE" shows as {@code EVIL⏎SECOND-LINE}.
     * Null shows as an empty string.
     */
    public static String shown(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = s.codePointAt(i);
                if (pairKind(cp) != null) {
                    b.append(escape(c)).append(escape(s.charAt(i + 1)));
                } else {
                    b.appendCodePoint(cp);
                }
                i++;
            } else if (isLineBreak(c)) {
                b.append(LINE_BREAK_SIGN);
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (kind(c) != null) {
                b.append(escape(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * {@code s} with each line break (CRLF, CR, LF, NEL, U+2028, U+2029) as one space: for the few
     * free texts a system writes over several lines (a Windows error message), taken in as one line.
     */
    public static String foldLineBreaks(String s) {
        return s.replaceAll("\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]", " ");
    }

    /** Backslash-u-hex escape of one UTF-16 unit (valid inside JSON strings too). */
    public static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    /** Whether the UTF-16 unit {@code c}, alone, is one {@link #shown} would escape (a pair is judged by its code point). */
    public static boolean needsEscape(char c) {
        return kind(c) != null && !Character.isSurrogate(c);
    }

    /**
     * A part of a file name built from outside text (a host name, a UUID): only ASCII letters,
     * digits, {@code - _ .}, every other character as {@code _}, no leading dot (a hidden or temp
     * name) and no trailing dot or space (vfat drops them), at most {@code maxChars} characters.
     * A longer part is cut and ends in {@code ~} and 8 hex digits of its SHA-256, so two long
     * names that share a beginning stay apart. Safe on vfat and on Windows.
     */
    public static String fileNamePart(String s, int maxChars) {
        if (maxChars < 12) {
            throw new IllegalArgumentException("a file name part needs room for its hash: maxChars " + maxChars);
        }
        String safe = (s == null ? "" : s).replaceAll("[^A-Za-z0-9_.-]", "_");
        safe = safe.replaceFirst("^\\.+", "_").replaceFirst("[. ]+$", "_");
        if (safe.isEmpty()) {
            safe = "_";
        }
        if (safe.length() <= maxChars) {
            return safe;
        }
        return safe.substring(0, maxChars - 9) + "~" + sha256Hex(s).substring(0, 8);
    }

    /**
     * A writer for a terminal or a log that lets through only text that cannot be layout: a
     * character {@link #shown} would change is changed the same way as it passes (a CR, NEL, U+2028
     * as {@code ⏎}, ESC, CSI, bidi controls, noncharacters and lone surrogates escaped), while
     * {@code \n}, the line end the program itself writes, stays. Inside a JSON string the escapes
     * are valid JSON, so {@code --json} output can go through it too. A net under the renderers: a
     * renderer still shows a field with {@link #shown}, which also marks a line feed.
     */
    public static java.io.Writer guarded(java.io.Writer out) {
        return new Guard(out);
    }

    /** See {@link #guarded}; keeps a high surrogate back until the next character says whether it is paired. */
    private static final class Guard extends java.io.FilterWriter {
        private char pendingHigh;

        Guard(java.io.Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws java.io.IOException {
            char ch = (char) c;
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(ch)) {
                    if (pairKind(Character.toCodePoint(high, ch)) != null) {
                        out.write(escape(high));
                        out.write(escape(ch));
                    } else {
                        out.write(high);
                        out.write(ch);
                    }
                    return;
                }
                out.write(escape(high));
            }
            if (Character.isHighSurrogate(ch)) {
                pendingHigh = ch;
            } else if (ch == '\n') {
                out.write(ch);
            } else if (isLineBreak(ch)) {
                out.write(LINE_BREAK_SIGN);
            } else if (kind(ch) != null) {
                out.write(escape(ch));
            } else {
                out.write(ch);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            for (int i = off; i < off + len; i++) {
                write(buf[i]);
            }
        }

        @Override
        public void write(String str, int off, int len) throws java.io.IOException {
            for (int i = off; i < off + len; i++) {
                write(str.charAt(i));
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush(); // a pending high surrogate waits for its pair; a lone one shows at the next write or close
        }

        @Override
        public void close() throws java.io.IOException {
            if (pendingHigh != 0) {
                out.write(escape(pendingHigh));
                pendingHigh = 0;
            }
            out.close();
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String u(int cp) {
        return String.format("U+%04X", cp);
    }
}
