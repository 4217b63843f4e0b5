package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock list}: products, filtered, streamed (bounded memory on any store size). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List products with their machine, state and IID.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", description = "Only this state: ${COMPLETION-CANDIDATES}.")
    ProductState state;

    @Option(names = "--group", paramLabel = "GROUP", description = "Only machines in this lab group.")
    String group;

    @Option(names = "--search", paramLabel = "TEXT", description = "Host name, product name or IID digits containing TEXT.")
    String search;

    @Option(names = "--limit", paramLabel = "N", description = "At most N products (default: all).")
    long limit = Long.MAX_VALUE;

    @Option(names = "--json", description = "Print a JSON array for scripts.")
    boolean json;

    private static final Table<Product> TABLE = Table.<Product>withHeader()
            .col("ID", 6, Product::id)
            .text("HOST", 18, Product::hostName)
            .text("GROUP", 14, p -> p.group().isEmpty() ? "-" : p.group())
            .clipped("PRODUCT", 40, Product::name)
            .col("STATE", 13, Product::state)
            .col("IID", 0, Product::iidGrouped)
            .counting("product");

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new Rejected("--limit must be at least 1");
        }
        Appliance appliance = global.openToRead();
        ProductFilter filter = ProductFilter.all();
        if (state != null) {
            filter = filter.withState(state);
        }
        if (group != null) {
            filter = filter.withGroup(group);
        }
        if (search != null) {
            filter = filter.withSearch(search);
        }
        PrintWriter out = spec.commandLine().getOut();
        ProductFilter chosen = filter;
        if (json) {
            Json.streamed(out, g -> {
                g.writeStartArray();
                appliance.inventory().forEachProduct(chosen, 0, limit, p -> Json.write(g, w -> w.writeObject(p)));
                g.writeEndArray();
            });
            return ExitCodes.OK;
        }
        long[] count = {0};
        TABLE.header(out);
        appliance.inventory().forEachProduct(filter, 0, limit, p -> {
            count[0]++;
            TABLE.row(out, p);
        });
        TABLE.count(out, count[0]);
        return ExitCodes.OK;
    }
}
