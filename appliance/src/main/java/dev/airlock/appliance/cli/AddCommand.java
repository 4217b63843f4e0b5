package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock add}: one machine/product typed in by hand. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Record one product typed in by hand (an IID read off 'slmgr /dti' or the phone dialog).",
            "Without --iid the IID is asked for twice on stdin, to catch typing errors.",
            "A group whose check digit does not fit is named (\"IID group 4 looks mistyped\") and the IID is"
                + " refused, unless you confirm it: answer y when asked, or pass --keep-as-typed."})
final class AddCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "The machine's host name.")
    String host;

    @Option(names = "--group", paramLabel = "GROUP", description = "Lab group for the machine.")
    String group;

    @Option(names = "--sku", required = true, paramLabel = "GUID", description = "SKU ID ('slmgr /dlv' shows it as Activation ID).")
    String sku;

    @Option(names = "--app", paramLabel = "windows|office|office2010|GUID", defaultValue = "windows",
            description = "Application ID (default: ${DEFAULT-VALUE}).")
    String app;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Product name, e.g. 'Windows 11 Enterprise'.")
    String name;

    @Option(names = "--epid", required = true, paramLabel = "EPID", description = "Extended product ID ('slmgr /dlv').")
    String epid;

    @Option(names = "--iid", paramLabel = "IID", description = "Installation ID, 54 or 63 digits; groups may be separated by spaces or dashes.")
    String iid;

    @Option(names = "--partial-key", paramLabel = "XXXXX", description = "Last 5 characters of the installed key.")
    String partialKey;

    @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "Volume:MAK",
            description = "Key channel (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(names = "--license-status", paramLabel = "0-6", defaultValue = "0",
            description = "WMI LicenseStatus if known (default: 0, unlicensed).")
    int licenseStatus;

    @Option(names = "--keep-as-typed", description = "Record the IID even when a group's check digit does not fit"
            + " (the check is advisory: use this after comparing it with the machine's screen).")
    boolean keepAsTyped;

    /** Lines from stdin, made once: the IID, its confirmation and the keep question share one buffer. */
    private BufferedReader stdin;

    AddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Appliance appliance = global.open();
        ManualEntry entry;
        try {
            entry = new ManualEntry(host, Optional.ofNullable(group), SkuId.parse(sku), application(app), name.strip(),
                    ExtendedProductId.parse(epid), checked(readIid()),
                    partialKey == null ? Optional.empty() : Optional.of(PartialProductKey.parse(partialKey)),
                    channel.strip(), LicenseStatus.ofCode(licenseStatus));
        } catch (InvalidIdException e) {
            throw new Rejected(e.getMessage());
        }
        CollectionOutcome outcome = appliance.inventory().addManual(entry, global.actor());
        PrintWriter out = spec.commandLine().getOut();
        if (outcome instanceof CollectionOutcome.Added a) {
            out.printf("Added machine %s (id %d) with '%s', IID %s%n", a.hostName(), a.machineId(), entry.productName(),
                    entry.iid());
            a.notNeeded().forEach(n -> out.printf("It needs no CID and stays out of export: %s%n", n));
        } else if (outcome instanceof CollectionOutcome.Updated u) {
            out.printf("Updated machine %s (id %d): %s%n", u.hostName(), u.machineId(), String.join("; ", u.changes()));
        } else if (outcome instanceof CollectionOutcome.Unchanged n) {
            out.printf("Unchanged: %s (id %d): %s%n", n.hostName(), n.machineId(), n.why());
        } else {
            throw new Rejected("conflict: " + ((CollectionOutcome.Conflict) outcome).message());
        }
        return ExitCodes.OK;
    }

    private InstallationId readIid() throws InvalidIdException, IOException {
        if (iid != null) {
            return InstallationId.parse(iid);
        }
        BufferedReader in = stdin();
        PrintWriter err = spec.commandLine().getErr();
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
        PrintWriter err = spec.commandLine().getErr();
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
        Optional<BufferedReader> ask = iid == null || context.terminal().isPresent() ? Optional.of(stdin())
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

    private static ApplicationId application(String text) throws InvalidIdException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "windows" -> ApplicationId.WINDOWS;
            case "office" -> ApplicationId.OFFICE;
            case "office2010", "office-2010" -> ApplicationId.OFFICE_2010;
            default -> ApplicationId.parse(text);
        };
    }
}
