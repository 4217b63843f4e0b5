package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** A list subcommand: rows read from the data store, printed as a table, or as JSON with {@code --json}. */
abstract class TableListCommand<T> extends DataCommand {
    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    private final Table<T> table;
    private final Function<Appliance, List<? extends T>> rows;

    TableListCommand(Table<T> table, Function<Appliance, List<? extends T>> rows) {
        this.table = table;
        this.rows = rows;
    }

    @Override
    public final Integer call() {
        table.print(out(), json, rows.apply(global.openToRead()));
        return ExitCodes.OK;
    }
}
