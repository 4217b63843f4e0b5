package dev.airlock.appliance.cli;

import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import java.io.IOException;
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

/** {@code airlock config}: the effective settings and where each came from; {@code config set}. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show the effective settings and where each value came from (default, "
                + Settings.FILE_NAME + " in the data dir, AIRLOCK_* environment variable, --set flag)."},
        subcommands = ConfigCommand.Set.class)
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    private static final Table<Settings.Value> TABLE = Table.<Settings.Value>withHeader()
            .col("KEY", 24, v -> v.setting().key())
            .col("VALUE", 45, v -> v.value().isEmpty() ? "(empty)" : v.value())
            .col("FROM", 0, v -> v.source() == Settings.Source.DEFAULT ? "default" : v.origin());

    @Override
    public Integer call() {
        global.openToRead();
        Settings settings = global.settings();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, String>> rows = settings.all().stream().map(v -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("key", v.setting().key());
                m.put("value", v.value());
                m.put("source", v.source().name().toLowerCase(java.util.Locale.ROOT));
                m.put("origin", v.origin());
                return m;
            }).toList();
            Json.print(out, Map.of("settings", rows, "warnings", settings.warnings()));
            return ExitCodes.OK;
        }
        TABLE.print(out, false, settings.all());
        for (String w : settings.warnings()) {
            spec.commandLine().getErr().println("airlock: warning: " + w);
        }
        return ExitCodes.OK;
    }

    /** {@code airlock config set KEY VALUE}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Save a setting in the data dir's settings file.")
    static final class Set implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEY", description = "A key shown by 'airlock config'.")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "The new value.")
        String value;

        @Override
        public Integer call() throws IOException {
            global.open();
            Setting setting = Setting.ofKey(key);
            Settings.set(global.dataDir(), setting, value);
            spec.commandLine().getOut().printf("%s = %s (saved in %s)%n", setting.key(), value.strip(),
                    global.dataDir().resolve(Settings.FILE_NAME));
            return ExitCodes.OK;
        }
    }
}
