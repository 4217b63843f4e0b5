package dev.airlock.appliance.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.formats.outside.OutsideText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
        long[] count = {0};
        if (json) {
            try (JsonGenerator g = Json.stream(out)) {
                g.writeStartArray();
                appliance.inventory().forEachProduct(filter, 0, limit, p -> {
                    try {
                        g.writeObject(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
            return ExitCodes.OK;
        }
        out.printf("%-6s %-18s %-14s %-40s %-13s %s%n", "ID", "HOST", "GROUP", "PRODUCT", "STATE", "IID");
        appliance.inventory().forEachProduct(filter, 0, limit, p -> {
            count[0]++;
            out.printf("%-6d %-18s %-14s %-40s %-13s %s%n", p.id(), OutsideText.shown(p.hostName()), p.group().isEmpty() ? "-"
                    : OutsideText.shown(p.group()), clip(OutsideText.shown(p.name()), 40), p.state(), p.iidGrouped());
        });
        out.printf("%d product%s%n", count[0], Words.s(count[0]));
        return ExitCodes.OK;
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
