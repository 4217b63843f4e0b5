package dev.airlock.appliance.cli;

import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.ledger.InboundBundle;
import dev.airlock.appliance.ledger.OutboundBundle;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock bundles}: what went out and what came back. */
@Command(name = "bundles", mixinStandardHelpOptions = true, description = "Request and response bundles.",
        subcommands = {BundlesCommand.ListBundles.class})
final class BundlesCommand extends GroupCommand {
    BundlesCommand() {
        super("'list'");
    }

    /** {@code airlock bundles list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Show the requests written (written, partly answered, answered) and the responses merged,"
                + " with counts: what is still out there."})
    static final class ListBundles implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        private static final Table<OutboundBundle> OUTBOUND = Table.<OutboundBundle>rowsOnly("  ")
                .col("ID", 0, b -> b.id().substring(0, 8))
                .gap("  ").col("CREATED", 0, OutboundBundle::created)
                .gap("  ").col("STATE", 16, b -> b.state().label())
                .right("RECORDS", 6, OutboundBundle::records)
                .gap(" records, ").right("ANSWERED", 6, OutboundBundle::answered)
                .gap(" answered, ").right("OPEN", 6, OutboundBundle::open)
                .gap(" open  ").text("FILE", 0, OutboundBundle::fileName);

        private static final Table<InboundBundle> INBOUND = Table.<InboundBundle>rowsOnly("  ")
                .col("ID", 0, b -> b.id().substring(0, 8))
                .gap("  for ").col("REQUEST", 0, b -> b.requestId().substring(0, 8))
                .gap("  merged ").col("MERGED", 0, InboundBundle::merged)
                .gap(" by ").col("BY", 0, InboundBundle::mergedBy)
                .gap(": ").col("CIDS", 0, InboundBundle::cids)
                .gap(" CIDs, ").col("ERRORS", 0, InboundBundle::errors)
                .gap(" errors, ").col("SKIPPED", 0, InboundBundle::skipped)
                .gap(" skipped, ").col("COUNTS", 0, InboundBundle::counts)
                .gap(" counts  ").text("FILE", 0, InboundBundle::fileName);

        @Override
        public Integer call() {
            BundleLedger.Listing listing = global.openToRead().ledger().list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("outbound", listing.outbound().stream().map(ListBundles::json).toList());
                doc.put("inbound", listing.inbound().stream().map(ListBundles::json).toList());
                Json.print(out, doc);
                return ExitCodes.OK;
            }
            out.println("Outbound requests:");
            if (listing.outbound().isEmpty()) {
                out.println("  (none yet: ./airlock export --to STICK)");
            }
            OUTBOUND.print(out, false, listing.outbound());
            out.println("Inbound responses (merged):");
            if (listing.inbound().isEmpty()) {
                out.println("  (none yet: ./airlock import STICK)");
            }
            INBOUND.print(out, false, listing.inbound());
            BundleLedger.Outstanding still = listing.outstanding();
            out.printf("%d request%s still out there (%d record%s without an answer)%s%n", still.requests(),
                    Words.s(still.requests()), still.records(), Words.s(still.records()),
                    still.since().map(t -> " since " + t).orElse(""));
            return ExitCodes.OK;
        }

        private static Map<String, Object> json(OutboundBundle b) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("digest", b.digest());
            m.put("created", b.created().toString());
            m.put("file", b.fileName());
            m.put("state", b.state().label());
            m.put("records", b.records());
            m.put("answered", b.answered());
            m.put("open", b.open());
            return m;
        }

        private static Map<String, Object> json(InboundBundle b) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("request", b.requestId());
            m.put("digest", b.digest());
            m.put("state", "merged");
            m.put("file", b.fileName());
            m.put("merged", b.merged().toString());
            m.put("mergedBy", b.mergedBy());
            m.put("cids", b.cids());
            m.put("errors", b.errors());
            m.put("skipped", b.skipped());
            m.put("counts", b.counts());
            return m;
        }
    }
}
