package dev.airlock.appliance.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeListener;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.IntakeSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock intake}: take collector files into the record. */
@Command(name = "intake", mixinStandardHelpOptions = true,
        description = {"Take collector record files and apply result files into the record (files, folders or a"
                + " stick root).",
            "From a stick root only AIRLOCK/collected and AIRLOCK/results are read. One line per file; exit 1 if any"
                + " file was rejected."})
final class IntakeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or stick roots.")
    List<Path> paths;

    @Option(names = "--group", paramLabel = "GROUP", description = "Put new machines into this lab group.")
    String group;

    @Option(names = "--same-as", paramLabel = "MACHINE_ID",
            description = "Take the one FILE in as this machine (to resolve a conflict: renamed machine, new board).")
    Long sameAs;

    @Option(names = "--json", description = "Print JSON for scripts (per-file outcomes and the summary).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only rejected files and the summary.")
    boolean quiet;

    private static final Table<FileOutcome> OUTCOMES = Table.<FileOutcome>rowsOnly("")
            .col("OUTCOME", 9, o -> o.kind().label())
            .text("FILE", 0, o -> o.file().toString())
            .gap(": ").text("MESSAGE", 0, FileOutcome::message);

    @Override
    public Integer call() {
        if (sameAs != null && (paths.size() != 1 || UserPaths.isFolder(paths.get(0)))) {
            throw new Rejected("--same-as takes exactly one file, not folders or several files");
        }
        Appliance appliance = global.open();
        IntakeOptions options = new IntakeOptions(Optional.ofNullable(group),
                sameAs == null ? OptionalLong.empty() : OptionalLong.of(sameAs));
        PrintWriter out = spec.commandLine().getOut();
        IntakeSummary summary;
        if (json) {
            IntakeSummary[] done = new IntakeSummary[1];
            Json.streamed(out, g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("files");
                done[0] = appliance.collect().ingest(paths, options, global.actor(), o -> Json.write(g, w -> writeJson(w, o)));
                g.writeEndArray();
                Map<String, Long> counts = new LinkedHashMap<>();
                for (FileOutcome.Kind k : FileOutcome.Kind.values()) {
                    counts.put(k.label(), done[0].get(k));
                }
                g.writeObjectField("summary", counts);
                g.writeEndObject();
            });
            summary = done[0];
        } else {
            IntakeListener printer = o -> {
                if (!quiet || o.kind() == FileOutcome.Kind.REJECTED) {
                    OUTCOMES.row(out, o);
                }
            };
            summary = appliance.collect().ingest(paths, options, global.actor(), printer);
            out.printf("%d file%s: %s%n", summary.total(), Words.s(summary.total()), summary);
            long unchanged = summary.get(FileOutcome.Kind.UNCHANGED);
            if (unchanged > 0) {
                out.printf("%d file%s unchanged: the same file again changes nothing. To record a change, run"
                        + " Collect.cmd again at that machine, then take the new file in.%n", unchanged,
                        Words.s(unchanged));
            }
        }
        out.flush();
        return summary.anyRejected() ? ExitCodes.REJECTED : ExitCodes.OK;
    }

    private static void writeJson(JsonGenerator g, FileOutcome o) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", o.file().toString());
        g.writeStringField("outcome", o.kind().label());
        g.writeStringField("message", o.message());
        if (o.machineId().isPresent()) {
            g.writeNumberField("machineId", o.machineId().getAsLong());
        }
        g.writeEndObject();
    }
}
