package dev.airlock.appliance.cli;

import dev.airlock.appliance.bundles.Inspection;
import dev.airlock.formats.FormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock verify}: what a bundle file is, and whether its signer is trusted here. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a bundle file: kind, id, signer and its fingerprint, trust, created, counts.",
            "Exit 0 only when the signature is valid and the signer is trusted here (or is this appliance)."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A request, response or key card file.")
    Path file;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        file = UserPaths.inputFile(file, "the bundle file (e.g. STICK/AIRLOCK/outbound/airlock-request-....xml)");
        Inspection in;
        try {
            in = global.openToRead().bundles().inspect(file);
        } catch (FormatException e) {
            throw new Rejected(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("kind", in.kind().word());
            doc.put("id", in.id());
            doc.put("signer", in.signer().toString());
            doc.put("fingerprint", in.fingerprint().map(Object::toString).orElse(null));
            doc.put("trust", in.trust().name().toLowerCase(Locale.ROOT));
            doc.put("signerLabel", in.signerLabel());
            doc.put("created", in.created().toString());
            doc.put("counts", in.counts());
            doc.put("trusted", in.trusted());
            in.problem().ifPresent(p -> doc.put("problem", p));
            Json.print(out, doc);
        } else {
            out.printf("%s: %s bundle %s%n", file, in.kind().word(), in.id());
            out.printf("  signed by   key %s%s%n", in.signer(), in.signerLabel().isEmpty() ? ""
                    : " (" + in.signerLabel() + ")");
            in.fingerprint().ifPresent(f -> out.printf("  fingerprint %s%n", f));
            out.printf("  created     %s%n", in.created());
            in.counts().forEach((k, v) -> out.printf("  %-11s %d%n", k, v));
            out.printf("  signature   valid%n");
            out.printf("  trusted     %s%n", in.trusted() ? "yes" : "NO: " + in.problem().orElse("untrusted"));
        }
        return in.trusted() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
