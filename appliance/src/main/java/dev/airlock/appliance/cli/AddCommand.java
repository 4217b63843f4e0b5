package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock add}: one machine/product typed in by hand. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Record one product typed in by hand (an IID read off 'slmgr /dti' or the phone dialog).",
            "Without --iid the IID is asked for twice on stdin, to catch typing errors.",
            "A group whose check digit does not fit is named (\"IID group 4 looks mistyped\") and the IID is"
                + " refused, unless you confirm it: answer y when asked, or pass --keep-as-typed."})
final class AddCommand extends TerminalCommand {
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

    AddCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws IOException {
        Appliance appliance = global.open();
        ManualEntry entry;
        try {
            entry = new ManualEntry(host, Optional.ofNullable(group), SkuId.parse(sku), application(app), name.strip(),
                    ExtendedProductId.parse(epid), new IidInput(context, spec.commandLine().getErr(), iid, keepAsTyped).read(),
                    partialKey == null ? Optional.empty() : Optional.of(PartialProductKey.parse(partialKey)),
                    channel.strip(), LicenseStatus.ofCode(licenseStatus));
        } catch (InvalidIdException e) {
            throw new Rejected(e.getMessage());
        }
        CollectionOutcome outcome = appliance.collect().addManual(entry, global.actor());
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

    private static ApplicationId application(String text) throws InvalidIdException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "windows" -> ApplicationId.WINDOWS;
            case "office" -> ApplicationId.OFFICE;
            case "office2010", "office-2010" -> ApplicationId.OFFICE_2010;
            default -> ApplicationId.parse(text);
        };
    }
}
