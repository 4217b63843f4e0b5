package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.config.Settings;
import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.appliance.support.DataDirLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command takes: where the data is, who is acting, setting overrides. */
final class GlobalOptions {
    private final CliContext context;

    GlobalOptions(CliContext context) {
        this.context = context;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data dir (default: $AIRLOCK_DATA, else ./data).")
    Path data;

    @Option(names = "--as", paramLabel = "NAME", description = "Operator name for the audit log (default: your OS user).")
    String as;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting for this run (see 'airlock config').")
    Map<String, String> set = new LinkedHashMap<>();

    /** The data dir: --data, then AIRLOCK_DATA, then the launcher's default, then ./data. */
    Path dataDir() {
        if (data != null) {
            return data.toAbsolutePath().normalize();
        }
        String env = context.environment().get("AIRLOCK_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String launcherDefault = context.launcherDefaultData();
        if (launcherDefault != null && !launcherDefault.isBlank()) {
            return Path.of(launcherDefault).toAbsolutePath().normalize();
        }
        return Path.of("data").toAbsolutePath().normalize();
    }

    Actor actor() {
        String name = as != null ? as : context.osUser();
        try {
            return new Actor(name);
        } catch (IllegalArgumentException e) {
            throw new Rejected("--as: " + e.getMessage());
        }
    }

    /**
     * Opens the store to change it: first takes the data dir for this command (one writer at a
     * time: a running kiosk or another writing command refuses it, naming itself).
     */
    Appliance open() {
        if (Appliance.exists(dataDir())) {
            lockForWriting();
        }
        return context.closeLater(Appliance.open(dataDir(), context.clock(), sleeper()));
    }

    /** Opens the store only to read it: no lock, so it runs beside a kiosk (SQLite WAL lets readers in). */
    Appliance openToRead() {
        return context.closeLater(Appliance.open(dataDir(), context.clock(), sleeper()));
    }

    /** As {@link #lockForWriting}, only when the data dir is there already (a restore may make a new one). */
    void lockForWritingIfPresent() {
        if (java.nio.file.Files.isDirectory(dataDir())) {
            lockForWriting();
        }
    }

    /** Takes the data dir until the command ends, creating it when missing; refused while another writer runs. */
    void lockForWriting() {
        String what = mixee == null ? "airlock" : mixee.qualifiedName();
        context.closeLater(DataDirLock.acquire(dataDir(), what, context.clock()));
    }

    /** The context's sleeper, telling the user first how long the wait after wrong passphrases is. */
    Sleeper sleeper() {
        return delay -> {
            long seconds = (delay.toMillis() + 999) / 1000;
            PrintWriter err = mixee == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
            err.println("airlock: too many wrong passphrases in a row: wait " + seconds + " seconds before this one"
                    + " is checked...");
            err.flush();
            context.sleeper().sleep(delay);
        };
    }

    Settings settings() {
        try {
            return Settings.load(dataDir(), context.environment(), set);
        } catch (IllegalArgumentException e) {
            throw new Rejected(e.getMessage());
        }
    }
}
