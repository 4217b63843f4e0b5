package dev.airlock.appliance.cli;

import dev.airlock.appliance.merge.MergeOutcome;
import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock import}: verify and merge response bundles. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Verify and merge response bundles from the gateway (files, folders, stick roots or QR frames"
                + " text files).",
            "A stick root is read at AIRLOCK/inbound/*.xml; a frames text file holds one frame per line. Each"
                + " response merges in one transaction; the same response again changes nothing. Exit 1 if any"
                + " input was refused."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Response files, folders, stick roots, frames files.")
    List<Path> paths;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<MergeOutcome> outcomes = new ArrayList<>();
        var merge = global.open().merge();
        if (json) {
            merge.importPaths(paths, global.actor(), outcomes::add);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("inputs", outcomes.stream().map(ImportCommand::toJson).toList());
            Json.print(out, doc);
        } else {
            merge.importPaths(paths, global.actor(), o -> {
                outcomes.add(o);
                print(out, o);
                out.flush();
            });
            long merged = outcomes.stream().filter(o -> o instanceof MergeOutcome.Merged).count();
            long again = outcomes.stream().filter(o -> o instanceof MergeOutcome.AlreadyMerged).count();
            long refused = outcomes.stream().filter(o -> o instanceof MergeOutcome.Refused).count();
            long skipped = outcomes.stream().filter(o -> o instanceof MergeOutcome.Skipped).count();
            out.printf("%d input%s: %d merged, %d already merged, %d refused%s%n", outcomes.size(),
                    Words.s(outcomes.size()), merged, again, refused, skipped == 0 ? "" : ", " + skipped + " skipped");
        }
        out.flush();
        return outcomes.stream().anyMatch(o -> o instanceof MergeOutcome.Refused) ? ExitCodes.REJECTED : ExitCodes.OK;
    }

    private static void print(PrintWriter out, MergeOutcome o) {
        if (o instanceof MergeOutcome.Merged m) {
            out.printf("merged    %s: response %s to request %s: %d CID%s received, %d error%s; request %s%s%n",
                    OutsideText.shown(m.source()), m.responseId().substring(0, 8), m.requestId().substring(0, 8), m.cids(),
                    Words.s(m.cids()), m.rejections().size(), Words.s(m.rejections().size()),
                    m.requestState().label(), m.requestOpen() > 0 ? " (" + m.requestOpen() + " still open)" : "");
            for (MergeOutcome.Rejection r : m.rejections()) {
                out.printf("  rejected %s '%s': %s: %s%n", OutsideText.shown(r.hostName()), OutsideText.shown(r.productName()), r.code().text(),
                        OutsideText.shown(r.explanation()));
            }
            for (String note : m.notes()) {
                out.printf("  note: %s%n", OutsideText.shown(note));
            }
            for (MergeOutcome.CountUpdate c : m.counts()) {
                out.printf("  MAK ...%s: %d activations left%s%n", c.partialKey(), c.remaining(), c.stored()
                        ? " (recorded in the vault)" : c.makId().isPresent() ? " (the vault knows a newer count)"
                                : " (no MAK in the vault ends in " + c.partialKey() + ")");
            }
        } else if (o instanceof MergeOutcome.AlreadyMerged a) {
            out.printf("already merged %s: response %s was merged on %s; nothing changed%n", OutsideText.shown(a.source()),
                    a.responseId().substring(0, 8), a.mergedAt());
        } else if (o instanceof MergeOutcome.Refused r) {
            out.printf("refused   %s: %s%n", OutsideText.shown(r.source()), OutsideText.shown(r.reason()));
        } else if (o instanceof MergeOutcome.Skipped k) {
            out.printf("skipped   %s: %s%n", OutsideText.shown(k.source()), OutsideText.shown(k.reason()));
        }
    }

    private static Map<String, Object> toJson(MergeOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", o.source());
        if (o instanceof MergeOutcome.Merged g) {
            m.put("outcome", "merged");
            m.put("response", g.responseId());
            m.put("request", g.requestId());
            m.put("cids", g.cids());
            m.put("errors", g.rejections().stream().map(r -> Map.of("productId", r.productId(), "host", r.hostName(),
                    "product", r.productName(), "code", r.code().text(), "explanation", r.explanation())).toList());
            m.put("notes", g.notes());
            m.put("counts", g.counts().stream().map(c -> Map.of("partialKey", c.partialKey(), "remaining",
                    c.remaining(), "stored", c.stored())).toList());
            m.put("requestState", g.requestState().label());
            m.put("requestOpen", g.requestOpen());
        } else if (o instanceof MergeOutcome.AlreadyMerged a) {
            m.put("outcome", "already merged");
            m.put("response", a.responseId());
            m.put("mergedAt", a.mergedAt().toString());
        } else if (o instanceof MergeOutcome.Refused r) {
            m.put("outcome", "refused");
            m.put("reason", r.reason());
        } else if (o instanceof MergeOutcome.Skipped k) {
            m.put("outcome", "skipped");
            m.put("reason", k.reason());
        }
        return m;
    }
}
