package dev.airlock.appliance.gateway;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InvalidIdException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phone entry on a terminal or from stdin lines: prints the product and the IID in groups, reads
 * the CID in 8 groups of 6 (A-H) — each group checked as it is typed, a wrong one asked again —
 * then reads it back for a yes. A blank line at group A skips the record, {@code q} stops the
 * session (so does the end of input). A whole CID typed at group A is accepted too. A group whose
 * check digit does not fit ({@link GroupCheck}, advisory) is named at once and kept only when the
 * operator answers y to "Keep it as typed?" (or the desk was made to keep such groups).
 */
public final class ConsolePhoneDesk implements PhoneDesk {
    private static final int GROUPS = 8;
    private static final int GROUP_DIGITS = 6;
    private static final int MAX_LINE = 1024;
    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean keepAsTyped;

    public ConsolePhoneDesk(BufferedReader in, PrintWriter out) {
        this(in, out, false);
    }

    /** With {@code keepAsTyped}, a group that fails the check is noted and kept without asking. */
    public ConsolePhoneDesk(BufferedReader in, PrintWriter out, boolean keepAsTyped) {
        this.in = in;
        this.out = out;
        this.keepAsTyped = keepAsTyped;
    }

    @Override
    public PhoneAnswer ask(PhoneCall call) throws IOException {
        out.printf(Locale.ROOT, "%nRecord %d of %d (reference %s): %s%n", call.number(), call.total(),
                call.reference(), call.productName());
        out.println("Installation ID (read out in groups):");
        List<String> groups = call.iidGroups();
        for (int i = 0; i < groups.size(); i++) {
            out.printf(Locale.ROOT, "  %d: %s%n", i + 1, groups.get(i));
        }
        out.println("Type the confirmation ID group by group (blank line at A = skip this record, q = stop).");
        while (true) {
            List<String> typed = new ArrayList<>(GROUPS);
            while (typed.size() < GROUPS) {
                char label = (char) ('A' + typed.size());
                out.printf(Locale.ROOT, "  %c: ", label);
                out.flush();
                String line = readLine();
                if (line == null || line.strip().equalsIgnoreCase("q")) {
                    out.println();
                    out.println("Stopped: the CIDs typed so far are saved; run the same command to resume.");
                    out.flush();
                    return new PhoneAnswer.Stop();
                }
                String text = line.strip();
                if (text.isEmpty()) {
                    if (typed.isEmpty()) {
                        out.println("Skipped.");
                        return new PhoneAnswer.Skip();
                    }
                    out.println("  group " + label + " is empty: type its 6 digits");
                    continue;
                }
                if (typed.isEmpty() && text.replaceAll("[^0-9]", "").length() > GROUP_DIGITS) {
                    ConfirmationId whole;
                    try {
                        whole = ConfirmationId.parse(text);
                    } catch (InvalidIdException e) {
                        out.println("  " + e.getMessage() + ": type it again");
                        continue;
                    }
                    Boolean keep = keep(whole.groupCheck().groups(), "type the CID again");
                    if (keep == null) {
                        return stopUnkept();
                    }
                    if (keep) {
                        typed.addAll(whole.groups());
                        break;
                    }
                    continue;
                }
                String problem = checkGroup(label, text);
                if (problem != null) {
                    out.println("  " + problem + ": type group " + label + " again");
                    continue;
                }
                Boolean keep = keep(GroupCheck.fits(text) ? List.of() : List.of(typed.size() + 1),
                        "type group " + label + " again");
                if (keep == null) {
                    return stopUnkept();
                }
                if (keep) {
                    typed.add(text);
                }
            }
            ConfirmationId cid;
            try {
                cid = ConfirmationId.parse(String.join(" ", typed));
            } catch (InvalidIdException e) {
                out.println("  " + e.getMessage() + ": type the CID again");
                continue;
            }
            out.println("Read back: " + String.join(" ", cid.groups()));
            out.print("Is that what you were told? (y = save, anything else = type it again): ");
            out.flush();
            String yes = readLine();
            if (yes == null) {
                return new PhoneAnswer.Stop();
            }
            if (yes.strip().equalsIgnoreCase("y") || yes.strip().equalsIgnoreCase("yes")) {
                out.println("Saved.");
                out.flush();
                return new PhoneAnswer.Typed(cid);
            }
        }
    }

    /**
     * True to keep: no failing group, kept by the desk's setting, or y to the question; false to
     * type again ({@code again} says what); null to stop (q, or the end of input).
     */
    private Boolean keep(List<Integer> failing, String again) throws IOException {
        if (failing.isEmpty()) {
            return true;
        }
        String what = "CID " + GroupCheck.looks(failing, true) + " mistyped (its check digit does not fit)";
        if (keepAsTyped) {
            out.println("  " + what + "; kept as typed (--keep-as-typed).");
            return true;
        }
        out.print("  " + what + ": check it with the caller. Keep it as typed? [y/N] (N = " + again + "): ");
        out.flush();
        String answer = readLine();
        if (answer == null || answer.strip().equalsIgnoreCase("q")) {
            return null;
        }
        return answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes");
    }

    private PhoneAnswer stopUnkept() {
        out.println();
        out.println("Stopped: a group that looks mistyped was not kept, so nothing was saved for this record. Run the"
                + " same command again and type it again, answer y to keep it as typed, or add --keep-as-typed.");
        out.flush();
        return new PhoneAnswer.Stop();
    }

    /** Null when {@code text} is 6 digits, else the problem in the words of ConfirmationId's parser. */
    static String checkGroup(char label, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return "CID group " + label + " contains " + (Character.isISOControl(c) || Character.isWhitespace(c)
                        ? String.format(Locale.ROOT, "the character U+%04X", (int) c) : "'" + c + "'")
                        + " at position " + (i + 1) + ": only digits 0-9 are allowed";
            }
        }
        if (text.length() != GROUP_DIGITS) {
            return "CID group " + label + " has " + text.length() + " digit" + (text.length() == 1 ? "" : "s")
                    + ", expected " + GROUP_DIGITS;
        }
        return null;
    }

    private String readLine() throws IOException {
        String line = in.readLine();
        if (line != null && line.length() > MAX_LINE) {
            return "";
        }
        return line;
    }
}
