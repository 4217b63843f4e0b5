package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.ProductKey;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code airlock mak}: the MAK vault. */
@Command(name = "mak", mixinStandardHelpOptions = true,
        description = {"The MAK vault: product keys sealed under the supervisor passphrase.",
            "Keys are typed at a hidden prompt or piped on stdin, never given on the command line."},
        subcommands = {MakCommand.Add.class, MakCommand.ListMaks.class, MakCommand.Remove.class})
final class MakCommand extends GroupCommand {
    MakCommand() {
        super("'add', 'list' or 'remove'");
    }

    /** {@code airlock mak add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Seal a MAK into the vault. The key is read at a hidden prompt on a terminal, else from"
                    + " the first line of stdin (e.g. from a file: mak add < key.txt); never from the command line.",
                "Needs the supervisor passphrase (terminal prompt, or AIRLOCK_PASSPHRASE)."})
    static final class Add extends TerminalCommand {
        @Option(names = "--description", paramLabel = "TEXT",
                description = "What the key is for, e.g. 'Windows 11 Enterprise MAK, lab 3'. Stays in the lab.")
        String description;

        /** Catches a key typed on the command line, so picocli never echoes it in an error. */
        @Parameters(hidden = true, arity = "0..*")
        List<String> stray;

        Add(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException, KeysException {
            if (stray != null && !stray.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "a MAK is never given on the command line (it would"
                        + " stay in the shell history and the process list): type it at the prompt, or pipe it on"
                        + " stdin, e.g. ./airlock mak add < key.txt");
            }
            Appliance appliance = global.open();
            SecretInput input = secrets();
            ProductKey key;
            char[] typed = input.secretLine("MAK (25 characters, 5 groups of 5; not shown): ");
            try {
                key = ProductKey.parse(new String(typed));
            } catch (InvalidIdException e) {
                throw new Rejected(e.getMessage() + "; nothing was added");
            } finally {
                Arrays.fill(typed, '\0');
            }
            try (Passphrase passphrase = input.passphrase()) {
                MakEntry entry = appliance.makVault().add(key, description, passphrase, global.actor());
                out().printf("Added MAK %d: %s%s%n", entry.id(), masked(entry),
                        entry.description().isEmpty() ? "" : " (" + entry.description() + ")");
                return ExitCodes.OK;
            }
        }
    }

    /** {@code airlock mak list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the vault: id, last 5 characters, description, last known remaining activations."
                    + " Needs no passphrase.")
    static final class ListMaks extends TableListCommand<MakEntry> {
        private static final Table<MakEntry> TABLE = Table.<MakEntry>withHeader()
                .col("ID", 4, MakEntry::id)
                .col("KEY", 29, MakCommand::masked)
                .col("REMAINING", 11, e -> e.remaining().isPresent() ? String.valueOf(e.remaining().getAsInt())
                        : "unknown")
                .col("LEARNED", 24, e -> e.remainingLearned().map(Object::toString).orElse("-"))
                .col("DESCRIPTION", 0, MakEntry::description)
                .counting("MAK").json(MakCommand::jsonRow);

        ListMaks() {
            super(TABLE, appliance -> appliance.makVault().list());
        }
    }

    /** {@code airlock mak remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a MAK from the vault.")
    static final class Remove extends DataCommand {
        @Parameters(paramLabel = "ID", description = "The MAK's id (from 'airlock mak list').")
        long id;

        @Override
        public Integer call() throws KeysException {
            MakEntry removed = global.open().makVault().remove(id, global.actor());
            out().printf("Removed MAK %d: %s%n", removed.id(), masked(removed));
            return ExitCodes.OK;
        }
    }

    static String masked(MakEntry e) {
        return "*****-*****-*****-*****-" + e.partialKey();
    }

    private static Map<String, Object> jsonRow(MakEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("partialKey", e.partialKey());
        m.put("description", e.description());
        m.put("added", e.added());
        m.put("addedBy", e.addedBy());
        m.put("remaining", e.remaining().isPresent() ? e.remaining().getAsInt() : null);
        m.put("remainingLearned", e.remainingLearned().orElse(null));
        return m;
    }
}
