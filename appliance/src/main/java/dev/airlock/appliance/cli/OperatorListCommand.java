package dev.airlock.appliance.cli;

import dev.airlock.appliance.operators.Operator;
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

/** {@code airlock operator list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the kiosk operators by name. Needs no passphrase.")
final class OperatorListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    private static final Table<Operator> TABLE = Table.<Operator>withHeader()
            .col("ID", 4, Operator::id)
            .col("NAME", 40, Operator::name)
            .col("ROLE", 11, op -> op.role().id())
            .col("ADDED", 0, Operator::createdAt)
            .counting("operator").json(OperatorListCommand::jsonRow);

    @Override
    public Integer call() {
        List<Operator> operators = global.openToRead().operators().list();
        PrintWriter out = spec.commandLine().getOut();
        TABLE.print(out, json, operators);
        if (!json && operators.isEmpty()) {
            out.println("Next: ./airlock operator add NAME --role supervisor");
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> jsonRow(Operator op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", op.id());
        m.put("name", op.name());
        m.put("role", op.role().id());
        m.put("createdAt", op.createdAt());
        return m;
    }
}
