package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.store.ApplianceInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock status}: counts per state and group, and what to do next. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show how many products are in each state, per lab group, and the next step.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        Appliance appliance = global.openToRead();
        StatusReport report = appliance.inventory().status();
        long saved = appliance.inventory().activationsSaved();
        ApplianceInfo info = appliance.info();
        PrintWriter out = spec.commandLine().getOut();
        if (info.role() == ApplianceInfo.Role.GATEWAY) {
            return gatewayStatus(appliance, info, out);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("appliance", Map.of("name", info.displayName(), "role", info.role().id()));
            doc.put("machines", report.machines());
            doc.put("products", report.products());
            doc.put("byState", report.byState());
            doc.put("byGroup", report.byGroup());
            doc.put("notNeeded", report.notNeeded());
            doc.put("activationsSaved", saved);
            doc.put("nextSteps", report.nextSteps());
            Json.print(out, doc);
            return ExitCodes.OK;
        }
        out.printf("%s appliance '%s' (data: %s)%n", capitalize(info.role().id()), info.displayName(),
                appliance.dataDir());
        out.printf("Machines: %d   Products: %d%n%n", report.machines(), report.products());
        Table<Map.Entry<ProductState, Long>> states = Table.<Map.Entry<ProductState, Long>>withHeader()
                .col("STATE", 14, Map.Entry::getKey).right("PRODUCTS", 8, Map.Entry::getValue)
                .gap("  ").col("MEANING", 0, e -> e.getKey().meaning());
        states.print(out, false, List.copyOf(report.byState().entrySet()));
        if (report.leftOut() > 0) {
            out.printf("%n%s (they need no CID: never exported or put in a kit)%n",
                    StatusReport.leftOutLine(report.notNeeded()));
        }
        if (!report.byGroup().isEmpty()) {
            out.printf("%nBy group:%n");
            Table.<Map.Entry<String, Map<ProductState, Long>>>rowsOnly("  ")
                    .text("GROUP", 20, g -> g.getKey().isEmpty() ? "(no group)" : g.getKey())
                    .col("COUNTS", 0, g -> counts(g.getValue()))
                    .print(out, false, List.copyOf(report.byGroup().entrySet()));
        }
        out.printf("%nActivations saved: %d (stored CIDs applied again after a reimage, no new activation spent)%n",
                saved);
        out.printf("%nNext:%n");
        report.nextSteps().forEach(s -> out.println("  " + s));
        return ExitCodes.OK;
    }

    /** A gateway holds no machines: it shows its CID cache and what is still in flight. */
    private int gatewayStatus(Appliance appliance, ApplianceInfo info, PrintWriter out) {
        var cache = appliance.gateway().cacheSummary();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("appliance", Map.of("name", info.displayName(), "role", info.role().id()));
            doc.put("cids", cache.cids());
            doc.put("errors", cache.errors());
            doc.put("inFlight", cache.inFlight());
            doc.put("trustedLabs", appliance.enroll().list().size());
            Json.print(out, doc);
            return ExitCodes.OK;
        }
        out.printf("Gateway appliance '%s' (data: %s)%n", info.displayName(), appliance.dataDir());
        out.printf("Trusted labs: %d%n", appliance.enroll().list().size());
        out.printf("CID cache: %d CIDs obtained, %d final errors, %d in flight%n", cache.cids(), cache.errors(),
                cache.inFlight());
        out.printf("%nNext:%n  %s%n", cache.inFlight() > 0
                ? cache.inFlight() + " record(s) were asked without a stored answer: run gateway process again with"
                        + " --resend-in-flight once you are sure to ask again"
                : "answer a lab's request: ./airlock gateway process REQUEST --to /media/STICK");
        return ExitCodes.OK;
    }

    /** "COLLECTED 3, EXPORTED 1": the states that hold products. */
    private static String counts(Map<ProductState, Long> byState) {
        StringBuilder line = new StringBuilder();
        byState.forEach((state, n) -> {
            if (n > 0) {
                line.append(line.isEmpty() ? "" : ", ").append(state).append(' ').append(n);
            }
        });
        return line.toString();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
