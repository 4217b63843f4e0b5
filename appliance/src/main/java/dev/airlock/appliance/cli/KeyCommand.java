package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.enroll.CardWritten;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.bundle.SignedBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code airlock key}: the appliance's own key pair. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "The appliance's own Ed25519 key pair and supervisor passphrase.",
        subcommands = {KeyCommand.Init.class, KeyCommand.Show.class, KeyCommand.Card.class})
final class KeyCommand extends GroupCommand {
    KeyCommand() {
        super("'init', 'show' or 'card'");
    }

    /** {@code airlock key init}: keys for a store made before keys existed. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Give an existing data store (made by an earlier version) its key pair and supervisor"
                    + " passphrase; refuses when it has them.",
                "The passphrase is asked twice on a terminal; scripts set AIRLOCK_PASSPHRASE."})
    static final class Init extends TerminalCommand {
        Init(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws KeysException {
            Appliance appliance = global.open();
            if (appliance.keys().hasKeys()) {
                throw new Rejected("this appliance already has a key pair (key " + appliance.keys().publicKey().id()
                        + "); nothing was changed");
            }
            PublicKey key;
            try (Passphrase passphrase = secrets().newPassphrase()) {
                key = appliance.keys().initialize(passphrase, global.actor());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Key pair created: key id " + key.id() + ", fingerprint " + key.fingerprint());
            out.println("Every secret is sealed under the supervisor passphrase: keep it safe; it cannot be"
                    + " recovered.");
            return ExitCodes.OK;
        }
    }

    /** {@code airlock key card}: the public key card as a file and a QR PNG. */
    @Command(name = "card", mixinStandardHelpOptions = true,
            description = {"Write this appliance's public key card (role, label, public key, created; self-signed) as"
                    + " a bundle file and as a QR PNG into DIR, and print the fingerprint to read aloud.",
                "Needs the supervisor passphrase (the card is signed). On the other side run"
                        + " 'airlock trust add CARD --fingerprint DIGITS'."})
    static final class Card extends TerminalCommand {
        @Option(names = "--to", required = true, paramLabel = "DIR", description = "Folder (e.g. a stick) for the card.")
        Path to;

        @Option(names = "--label", required = true, paramLabel = "LABEL",
                description = "A name for this appliance on the other side, e.g. 'Lab 3' — not a host name.")
        String label;

        Card(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException, KeysException {
            Appliance appliance = global.open();
            Path dir = UserPaths.outputFolder(to);
            SignedBundle card;
            PublicKey key;
            try (Passphrase passphrase = secrets().passphrase()) {
                key = appliance.keys().publicKey();
                card = appliance.keys().keyCard(label, passphrase, global.actor());
            }
            CardWritten written = Enroll.writeCard(dir, card, key);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Key card written: " + written.card());
            for (Path png : written.qrCodes()) {
                out.println("QR code written:  " + png);
            }
            out.println("Key id:           " + key.id());
            out.println("Fingerprint:      " + key.fingerprint());
            out.println("Read the fingerprint aloud to the other side's supervisor; they type it into"
                    + " ./airlock trust add.");
            return ExitCodes.OK;
        }
    }

    /** {@code airlock key show}: the public key's id and fingerprint. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show this appliance's key id, fingerprint and public key (PEM). Needs no passphrase.")
    static final class Show implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws KeysException {
            PublicKey key = global.openToRead().keys().publicKey();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Key id       " + key.id());
            out.println("Fingerprint  " + key.fingerprint());
            out.print(key.toPem());
            return ExitCodes.OK;
        }
    }
}
