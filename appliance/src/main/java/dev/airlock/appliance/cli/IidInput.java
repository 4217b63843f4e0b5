package dev.airlock.appliance.cli;

import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The IID of {@code airlock add}: from --iid or typed twice on stdin, then the advisory group check and its question. */
final class IidInput {
    private final CliContext context;
    private final PrintWriter err;
    private final String given;
    private final boolean keepAsTyped;

    /** Lines from stdin, made once: the IID, its confirmation and the keep question share one buffer. */
    private BufferedReader stdin;

    /** {@code given}: the --iid value, or null to ask on stdin. */
    IidInput(CliContext context, PrintWriter err, String given, boolean keepAsTyped) {
        this.context = context;
        this.err = err;
        this.given = given;
        this.keepAsTyped = keepAsTyped;
    }

    /** The IID, read and checked; refused with what to do when it is not confirmed. */
    InstallationId read() throws InvalidIdException, IOException {
        return checked(typed());
    }

    private InstallationId typed() throws InvalidIdException, IOException {
        if (given != null) {
            return InstallationId.parse(given);
        }
        BufferedReader in = stdin();
                err.print("IID (9 groups of digits): ");
        err.flush();
        String first = in.readLine();
        if (first == null) {
            throw new Rejected("no IID given: pass --iid or type it when asked");
        }
        InstallationId a = InstallationId.parse(first);
        err.print("Type the IID again to confirm: ");
        err.flush();
        String second = in.readLine();
        if (second == null) {
            throw new Rejected("the IID was not confirmed");
        }
        InstallationId b = InstallationId.parse(second);
        if (!a.equals(b)) {
            throw new Rejected("the two IIDs differ" + firstDifference(a, b) + "; nothing was recorded");
        }
        return a;
    }

    private BufferedReader stdin() {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
        }
        return stdin;
    }

    /**
     * The advisory group check (see {@link GroupCheck}): a mistyped group is named and the IID is
     * kept only when confirmed (--keep-as-typed, or y to the question when the IID was typed on
     * stdin or a terminal is there); a 54-digit IID only gets a note, its check is not confirmed.
     */
    private InstallationId checked(InstallationId typed) throws IOException {
                GroupCheck.Result check = typed.groupCheck();
        if (check instanceof GroupCheck.Result.Unconfirmed u) {
            err.println("Note: IID " + GroupCheck.names(u.groups(), false) + " may be mistyped (the group check is not confirmed for 54-digit IIDs): compare it with the machine's"
                    + " screen; recorded as typed.");
            return typed;
        }
        if (!(check instanceof GroupCheck.Result.Mistyped m)) {
            return typed;
        }
        String what = "IID " + GroupCheck.looks(m.groups(), false) + " mistyped (its check digit does not fit)";
        if (keepAsTyped) {
            err.println(what + "; kept as typed (--keep-as-typed).");
            return typed;
        }
        // asked on stdin when the IID was typed there, or when stdin is a person's terminal
        Optional<BufferedReader> ask = given == null || context.terminal().isPresent() ? Optional.of(stdin())
                : Optional.empty();
        if (ask.isPresent()) {
            err.print(what + ": compare it with the machine's screen. Keep it as typed? [y/N]: ");
            err.flush();
            String answer = ask.get().readLine();
            if (answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
                return typed;
            }
            throw new Rejected(what + "; nothing was recorded: type it again, or answer y (or pass --keep-as-typed)"
                    + " if it is right as typed");
        }
        throw new Rejected(what + ": compare it with the machine's screen and type it again; if it is right as"
                + " typed, add --keep-as-typed. Nothing was recorded");
    }

    private static String firstDifference(InstallationId a, InstallationId b) {
        if (a.groupSize() != b.groupSize()) {
            return " in length";
        }
        for (int i = 0; i < a.groups().size(); i++) {
            if (!a.groups().get(i).equals(b.groups().get(i))) {
                return " in group " + (i + 1);
            }
        }
        return "";
    }
}
