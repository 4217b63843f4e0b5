package dev.airlock.appliance.cli;

import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.appliance.update.UpdateStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock update status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the running version and where a staged update stands: waiting, being written to the"
                + " spare slot, ready for the restart, failed, or installed."})
final class UpdateStatusCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        UpdateService updates = UpdateCommand.service(global, global.openToRead());
        RunningImage running = updates.running();
        UpdateStatus s = updates.status();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("running", running instanceof RunningImage.Version v ? v.version().toString() : null);
            m.put("appliance", running instanceof RunningImage.Version);
            m.put("phase", s.phase().name().toLowerCase(java.util.Locale.ROOT));
            m.put("version", s.version().orElse(null));
            m.put("slot", s.slot().orElse(null));
            m.put("message", s.message());
            m.put("written", s.written().orElse(null));
            Json.print(out, m);
            return ExitCodes.OK;
        }
        out.println(UpdateWords.running(running));
        out.println(UpdateWords.words(s, running));
        return ExitCodes.OK;
    }
}
