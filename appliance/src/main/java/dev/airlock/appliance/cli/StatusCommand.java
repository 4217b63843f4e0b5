package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
        out.printf("%-14s %8s  %s%n", "STATE", "PRODUCTS", "MEANING");
        for (Map.Entry<ProductState, Long> e : report.byState().entrySet()) {
            out.printf("%-14s %8d  %s%n", e.getKey(), e.getValue(), e.getKey().meaning());
        }
        if (report.leftOut() > 0) {
            out.printf("%n%s (they need no CID: never exported or put in a kit)%n",
                    StatusReport.leftOutLine(report.notNeeded()));
        }
        if (!report.byGroup().isEmpty()) {
            out.printf("%nBy group:%n");
            for (Map.Entry<String, Map<ProductState, Long>> g : report.byGroup().entrySet()) {
                StringBuilder line = new StringBuilder();
                g.getValue().forEach((state, n) -> {
                    if (n > 0) {
                        line.append(line.isEmpty() ? "" : ", ").append(state).append(' ').append(n);
                    }
                });
                out.printf("  %-20s %s%n", g.getKey().isEmpty() ? "(no group)" : OutsideText.shown(g.getKey()), line);
            }
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
            doc.put("trustedLabs", appliance.trust().list().size());
            Json.print(out, doc);
            return ExitCodes.OK;
        }
        out.printf("Gateway appliance '%s' (data: %s)%n", info.displayName(), appliance.dataDir());
        out.printf("Trusted labs: %d%n", appliance.trust().list().size());
        out.printf("CID cache: %d CIDs obtained, %d final errors, %d in flight%n", cache.cids(), cache.errors(),
                cache.inFlight());
        out.printf("%nNext:%n  %s%n", cache.inFlight() > 0
                ? cache.inFlight() + " record(s) were asked without a stored answer: run gateway process again with"
                        + " --resend-in-flight once you are sure to ask again"
                : "answer a lab's request: ./airlock gateway process REQUEST --to /media/STICK");
        return ExitCodes.OK;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
