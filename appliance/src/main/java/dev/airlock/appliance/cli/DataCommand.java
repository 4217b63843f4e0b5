package dev.airlock.appliance.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on a data dir: the global options (--data, --as), its own spec, and where it prints. */
abstract class DataCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** Where results are printed (stdout). */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
