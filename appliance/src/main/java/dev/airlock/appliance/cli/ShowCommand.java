package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.inventory.Machine;
import dev.airlock.appliance.inventory.MachineChange;
import dev.airlock.appliance.inventory.MachineDetail;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
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

/** {@code airlock show}: one machine with its products, history and audit entries. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one machine: identity, products (state, IID, CID), history and audit entries.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MACHINE", description = "Machine id (from 'airlock list') or host name.")
    String machine;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    private static final Table<MachineChange> HISTORY = Table.<MachineChange>rowsOnly("  ")
            .col("AT", 0, MachineChange::at)
            .gap("  ").col("FIELD", 0, MachineChange::field)
            .gap(": ").text("OLD", 0, c -> blank(c.oldValue()))
            .gap(" -> ").text("NEW", 0, c -> blank(c.newValue()))
            .gap("  (").text("SOURCE", 0, MachineChange::source).gap(")");

    private static final Table<AuditEntry> AUDIT = Table.<AuditEntry>rowsOnly("  ")
            .col("SEQ", 0, a -> "#" + a.seq())
            .col("AT", 0, AuditEntry::at)
            .text("OPERATOR", 0, AuditEntry::operator)
            .col("ACTION", 0, AuditEntry::action)
            .gap(": ").text("DETAILS", 0, AuditEntry::details);

    @Override
    public Integer call() {
        Appliance appliance = global.openToRead();
        MachineDetail d = appliance.inventory().machine(machine)
                .orElseThrow(() -> new Rejected("no machine '" + machine + "' (see ./airlock list)"));
        List<AuditEntry> audit = appliance.audit().recent(50, "machine " + d.machine().id());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("machine", d.machine());
            doc.put("products", d.products());
            doc.put("history", d.history());
            doc.put("audit", audit);
            Json.print(out, doc);
            return ExitCodes.OK;
        }
        Machine machine = d.machine();
        MachineIdentity m = machine.identity();
        out.printf("Machine %d: %s%n", machine.id(), OutsideText.shown(m.hostName()));
        row(out, "Group", machine.group());
        row(out, m.partOfDomain() ? "Domain" : "Workgroup", m.domain());
        row(out, "FQDN", m.fqdn());
        row(out, "SMBIOS UUID", m.smbiosUuid());
        row(out, "Serial", m.serialNumber());
        row(out, "OS", (m.osCaption() + " " + m.osVersion()).strip());
        row(out, "IP addresses", String.join(", ", m.ipAddresses()));
        row(out, "MAC addresses", String.join(", ", m.macAddresses()));
        row(out, "Source", machine.source());
        row(out, "First collected", machine.firstCollected().toString());
        row(out, "Last collected", machine.lastCollected().toString());
        out.printf("%nProducts:%n");
        for (Product p : d.products()) {
            out.printf("  [%d] %s%n", p.id(), OutsideText.shown(p.name()));
            out.printf("      state    %s%s (%s)%n", p.state(), p.stateDetail().text().isEmpty() ? "" : " " + p.stateDetail().text(),
                    p.state().meaning());
            out.printf("      license  %s%s%n", license(p.licenseStatus()),
                    p.graceMinutes() > 0 ? ", " + p.graceMinutes() / 1440 + " days of grace left" : "");
            out.printf("      key      *****-*****-*****-*****-%s  %s%n", p.partialKey().isEmpty() ? "?????"
                    : p.partialKey(), p.channel());
            out.printf("      SKU      %s%n", p.skuId());
            out.printf("      ePID     %s%n", p.epid());
            out.printf("      IID      %s%n", p.iidGrouped());
            if (!p.cid().isEmpty()) {
                out.printf("      CID      %s%n", p.cidGrouped());
            }
        }
        if (!d.history().isEmpty()) {
            out.printf("%nHistory (newest first):%n");
            HISTORY.print(out, false, d.history());
        }
        if (!audit.isEmpty()) {
            out.printf("%nAudit (newest first):%n");
            AUDIT.print(out, false, audit);
        }
        return ExitCodes.OK;
    }

    private static String license(int code) {
        try {
            return LicenseStatus.ofCode(code).label();
        } catch (IllegalArgumentException e) {
            return "status " + code;
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        if (!value.isBlank()) {
            out.printf("  %-16s %s%n", label, OutsideText.shown(value));
        }
    }

    private static String blank(String s) {
        return s.isEmpty() ? "(none)" : s;
    }
}
