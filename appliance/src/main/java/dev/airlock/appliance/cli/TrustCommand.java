package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.MalformedBundleException;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock trust}: the peers this appliance trusts. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "The peers this appliance trusts: a lab trusts gateways, a gateway trusts labs.",
        subcommands = {TrustCommand.Add.class, TrustCommand.ListPeers.class, TrustCommand.Remove.class})
final class TrustCommand extends GroupCommand {
    TrustCommand() {
        super("'add', 'list' or 'remove'");
    }

    /** {@code airlock trust add}: pin a peer's key card after comparing fingerprints. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Trust the appliance whose key card CARD is, only when the fingerprint typed from the"
                    + " other screen (--fingerprint) matches the card's. A lab trusts gateways; a gateway trusts"
                    + " labs. Nothing is stored otherwise."})
    static final class Add extends DataCommand {
        @Parameters(paramLabel = "CARD", description = "The key card file (airlock-keycard-*.xml).")
        Path card;

        @Option(names = "--fingerprint", required = true, paramLabel = "DIGITS",
                description = "The 30-digit fingerprint as shown on the other appliance (spaces or dashes allowed).")
        String fingerprint;

        @Option(names = "--label", paramLabel = "LABEL", description = "Name it here (default: the card's label).")
        String label;

        @Override
        public Integer call() throws KeysException {
            Fingerprint typed;
            try {
                typed = Fingerprint.parse(fingerprint);
            } catch (IllegalArgumentException e) {
                throw new Rejected("--fingerprint: " + e.getMessage() + "; nothing was stored");
            }
            card = UserPaths.inputFile(card, "the key card file (airlock-keycard-*.xml)");
            Appliance appliance = global.open();
            KeyCard keyCard;
            try {
                keyCard = BundleFile.read(card).keyCard();
            } catch (MalformedBundleException | BadSignatureException e) {
                throw new Rejected(card + ": " + e.getMessage() + "; nothing was stored");
            } catch (java.nio.file.NoSuchFileException e) {
                throw new Rejected(card + ": no such file");
            } catch (java.io.IOException e) {
                throw new Rejected(card + ": cannot read it (" + e.getMessage() + ")");
            }
            TrustedPeer peer = appliance.enroll().pin(keyCard, Optional.ofNullable(label), typed, global.actor());
            out().printf("Trusted %s '%s': key %s, fingerprint %s%n", peer.role().id(),
                    peer.label(), peer.keyId(), peer.fingerprint());
            return ExitCodes.OK;
        }
    }

    /** {@code airlock trust list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List trusted peers: role, label, fingerprint, key id, when and by whom added.")
    static final class ListPeers extends TableListCommand<TrustedPeer> {
        private static final Table<TrustedPeer> TABLE = Table.<TrustedPeer>withHeader()
                .col("ROLE", 8, p -> p.role().id())
                .text("LABEL", 24, TrustedPeer::label)
                .col("FINGERPRINT", 35, TrustedPeer::fingerprint)
                .col("KEY ID", 16, TrustedPeer::keyId)
                .col("ADDED", 24, TrustedPeer::added)
                .text("BY", 0, TrustedPeer::addedBy)
                .counting("trusted peer").json(TrustCommand::jsonRow);

        ListPeers() {
            super(TABLE, appliance -> appliance.enroll().list());
        }
    }

    /** {@code airlock trust remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop trusting a peer.")
    static final class Remove extends DataCommand {
        @Parameters(paramLabel = "KEYID|LABEL", description = "The peer's key id (16 hex digits) or label.")
        String peer;

        @Override
        public Integer call() throws KeysException {
            TrustedPeer removed = global.open().enroll().remove(peer, global.actor());
            out().printf("No longer trusted: %s '%s' (key %s)%n", removed.role().id(),
                    removed.label(), removed.keyId());
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> jsonRow(TrustedPeer p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", p.role().id());
        m.put("label", p.label());
        m.put("fingerprint", p.fingerprint().toString());
        m.put("keyId", p.keyId().toString());
        m.put("added", p.added());
        m.put("addedBy", p.addedBy());
        return m;
    }
}
