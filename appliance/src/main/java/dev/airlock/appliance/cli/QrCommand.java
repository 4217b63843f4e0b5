package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.bundles.QrTransfer;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.outside.TooLargeException;
import dev.airlock.formats.qr.QrOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock qr}: bundles as QR frames. */
@Command(name = "qr", mixinStandardHelpOptions = true, description = "Carry a bundle as QR frames.",
        subcommands = {QrCommand.Encode.class, QrCommand.Decode.class})
final class QrCommand extends GroupCommand {
    QrCommand() {
        super("'encode' or 'decode'");
    }

    /** {@code airlock qr encode}. */
    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = {"Render a bundle file as numbered QR frame PNGs plus frames.txt (one frame per line).",
                "Frames hold digits only, so every keyboard-wedge scanner can read them."})
    static final class Encode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The bundle file.")
        Path file;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "Where to write the frames.")
        Path to;

        @Option(names = "--qr-version", paramLabel = "N", defaultValue = "20",
                description = "QR version (symbol size), 10..25 read well (default: ${DEFAULT-VALUE}).")
        int version;

        @Option(names = "--ec", paramLabel = "L|M|Q|H", defaultValue = "M",
                description = "Error correction level (default: ${DEFAULT-VALUE}).")
        QrOptions.EcLevel ec;

        @Override
        public Integer call() throws IOException {
            QrOptions options;
            try {
                options = QrOptions.of(version, ec);
            } catch (IllegalArgumentException e) {
                throw new Rejected("--qr-version/--ec: " + e.getMessage());
            }
            QrTransfer.Encoded encoded;
            try {
                encoded = QrTransfer.encode(UserPaths.inputFile(file, "the bundle file"), UserPaths.outputFolder(to),
                        options);
            } catch (FormatException e) {
                throw new Rejected(file + ": " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d frame%s at %s (bundle %s) written to %s%n", encoded.images().size(),
                    Words.s(encoded.images().size()), encoded.options(), encoded.bundleId(), to);
            out.printf("Frame contents, one per line: %s%n", encoded.framesFile());
            return ExitCodes.OK;
        }
    }

    /** {@code airlock qr decode}. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Reassemble bundles from scanned frames and/or QR images, check each, and write each complete"
                + " bundle file to DIR.",
                "Frames of several bundles may be mixed: each is completed on its own. Exit 0 when every bundle"
                + " was complete and written, 1 when any was not (the others are still written; it says which).",
                "Scanned frames come from a text file (one frame per line) or '-' for stdin (a scanner, say)."})
    static final class Decode implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "Where to write the bundle file.")
        Path to;

        @Parameters(paramLabel = "FRAMES.txt|IMAGE", arity = "1..*",
                description = "Text files of scanned frames ('-' = stdin) and/or PNG/JPEG images of frames.")
        List<String> inputs;

        @Option(names = "--signer-card", paramLabel = "CARD",
                description = "Without a data dir: the signer's key card file, to check the signature against.")
        Path signerCard;

        Decode(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            List<String> lines = new ArrayList<>();
            List<Path> images = new ArrayList<>();
            for (String input : inputs) {
                if (input.equals("-")) {
                    lines.addAll(new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                } else if (QrTransfer.isFrameImage(input)) {
                    images.add(UserPaths.inputFile(Path.of(input), "the frame image"));
                } else {
                    Path p = UserPaths.inputFile(Path.of(input), "the frames text file (one scanned frame per line)");
                    try {
                        lines.addAll(QrTransfer.readFramesFile(p));
                    } catch (TooLargeException e) {
                        throw new Rejected(input + " is larger than 64 MiB: not a frames file");
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            Path dir = UserPaths.outputFolder(to);
            List<QrTransfer.Decoded> decoded;
            try {
                if (Appliance.exists(global.dataDir())) {
                    decoded = global.openToRead().qr().decode(lines, images, dir, out::println);
                } else {
                    decoded = QrTransfer.decodeUnchecked(lines, images, dir, signerKey(), out::println);
                }
            } catch (FormatException e) {
                throw new Rejected(e.getMessage());
            }
            if (decoded.isEmpty()) {
                throw new Rejected("no Airlock frame in the input: nothing was written. Scan the QR codes on the"
                        + " Airlock screen, one frame per line");
            }
            List<String> notWritten = new ArrayList<>();
            for (QrTransfer.Decoded d : decoded) {
                if (d instanceof QrTransfer.Decoded.Written w) {
                    out.printf("Wrote %s bundle %s to %s (signed by %s)%n", w.inspection().kind().word(),
                            w.inspection().id(), w.file(), w.inspection().signerLabel());
                } else if (d instanceof QrTransfer.Decoded.Unchecked u) {
                    out.printf("Wrote %s bundle to %s (signed by key %s, fingerprint %s)%n", u.kind().word(), u.file(),
                            u.signer(), u.fingerprint());
                    out.printf("No data store in %s: the bundle's signature was checked against %s, but not whether"
                            + " this appliance trusts that key. Compare the fingerprint with the signer's screen, or"
                            + " run 'airlock verify %s' where the data dir is.%n", global.dataDir(),
                            signerCard == null ? "the key it carries" : "the key on " + signerCard, u.file());
                } else if (d instanceof QrTransfer.Decoded.NotWritten n) {
                    notWritten.add("bundle " + n.bundleId() + ": " + n.reason());
                } else if (d instanceof QrTransfer.Decoded.Incomplete inc) {
                    notWritten.add(inc.inWords());
                }
            }
            if (notWritten.isEmpty()) {
                return ExitCodes.OK;
            }
            long written = decoded.stream().filter(QrTransfer.Decoded::written).count();
            String head = decoded.size() == 1 ? "" : written + " of " + decoded.size() + " bundles written; ";
            boolean incomplete = decoded.stream().anyMatch(d -> d instanceof QrTransfer.Decoded.Incomplete);
            throw new Rejected(head + String.join("; ", notWritten)
                    + (incomplete ? ". Scan the missing frames and run decode again with all frames" : ""));
        }

        private java.util.Optional<dev.airlock.formats.signature.PublicKey> signerKey() throws IOException {
            if (signerCard == null) {
                return java.util.Optional.empty();
            }
            Path card = UserPaths.inputFile(signerCard, "the signer's key card file (airlock-keycard-*.xml)");
            try {
                return java.util.Optional.of(BundleFile.read(card).keyCard().key());
            } catch (FormatException e) {
                throw new Rejected(card + ": not a key card: " + e.getMessage());
            }
        }
    }
}
