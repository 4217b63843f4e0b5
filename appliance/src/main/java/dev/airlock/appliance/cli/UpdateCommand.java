package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.update.ImageVersion;
import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.StagedUpdate;
import dev.airlock.appliance.update.UpdateCheck;
import dev.airlock.appliance.update.UpdateConfig;
import dev.airlock.appliance.update.UpdateException;
import dev.airlock.appliance.update.UpdateManifest;
import dev.airlock.appliance.update.UpdateProgress;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.appliance.update.UpdateStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock update}: check, stage and follow an appliance update carried on a stick. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Update the appliance from a stick: signed updates in STICK/AIRLOCK/update/ are checked against"
                + " the release key built into the image, then copied for the system to write to its spare slot."},
        subcommands = {UpdateCommand.Check.class, UpdateCommand.Stage.class, UpdateCommand.Status.class})
final class UpdateCommand implements Runnable {
    private static final Pattern NAME = Pattern.compile("airlock-(.+)\\.update");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say 'check', 'stage' or 'status'");
    }

    static UpdateService service(GlobalOptions global, Appliance appliance) {
        return appliance.update(UpdateConfig.from(global.settings()));
    }

    static String running(RunningImage r) {
        return r instanceof RunningImage.Version v ? "Running version " + v.version() + "."
                : ((RunningImage.NotAnImage) r).reason() + ".";
    }

    /** {@code airlock update check STICK}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"List the updates on the stick and verify each one: the signature against the release key,"
                    + " the manifest, the version (newer than the running one), and the image's size and SHA-256.",
                "Exit 0 when at least one update can be installed, 1 when none can (or there is none)."})
    static final class Check implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "STICK", description = "The stick's root folder (it holds AIRLOCK/update/).")
        Path stick;

        @Option(names = "--reinstall", description = "Also accept the running version or an older one (a"
                + " supervisor's choice to install it again or go back).")
        boolean reinstall;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        public Integer call() {
            Path root = UserPaths.stickRoot(stick);
            UpdateService updates = service(global, global.openToRead());
            RunningImage running = updates.running();
            List<UpdateCheck> checks = updates.checkStick(root, reinstall, UpdateProgress.none());
            PrintWriter out = spec.commandLine().getOut();
            boolean any = checks.stream().anyMatch(c -> c instanceof UpdateCheck.Verified);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("running", running instanceof RunningImage.Version v ? v.version().toString() : null);
                m.put("appliance", running instanceof RunningImage.Version);
                m.put("updates", checks.stream().map(UpdateCommand::jsonRow).toList());
                Json.print(out, m);
                return any ? ExitCodes.OK : ExitCodes.REJECTED;
            }
            out.println(running(running));
            if (checks.isEmpty()) {
                out.println("No updates in " + StickLayout.Folder.UPDATE.on(root) + ": copy the release's"
                        + " three files (.update, .update.sig and .root.squashfs) there.");
                return ExitCodes.REJECTED;
            }
            for (UpdateCheck c : checks) {
                out.println(line(c));
            }
            if (any && running instanceof RunningImage.Version) {
                out.println("To install: ./airlock update stage " + root + (reinstall ? " --reinstall" : ""));
            } else if (any) {
                out.println("Nothing can be staged here: this is not an appliance image.");
            }
            return any ? ExitCodes.OK : ExitCodes.REJECTED;
        }
    }

    /** {@code airlock update stage STICK}. */
    @Command(name = "stage",
            description = {"Verify an update on the stick, copy it into DATA/update/staged/ (checked again after the"
                    + " copy) and ask the system to write it to the spare system slot.",
                "Back up first ('airlock backup'): an update never touches the data, but a backup costs a minute."
                    + " Then follow it with 'airlock update status' and restart when it is ready."})
    static final class Stage implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "STICK", description = "The stick's root folder (it holds AIRLOCK/update/).")
        Path stick;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--version", paramLabel = "V", description = "Which update to stage when the stick holds"
                + " several (default: the newest).")
        String version;

        @Option(names = "--reinstall", description = "Install the running version again, or an older one (a"
                + " supervisor's choice; refused otherwise).")
        boolean reinstall;

        @Override
        public Integer call() {
            Path root = UserPaths.stickRoot(stick);
            Appliance appliance = global.open();
            UpdateService updates = service(global, appliance);
            Path manifest = choose(updates.find(root), root);
            PrintWriter err = spec.commandLine().getErr();
            UpdateProgress progress = steps(err);
            StagedUpdate s;
            try {
                UpdateCheck.Verified v = updates.verify(manifest, reinstall, progress);
                s = updates.stage(v, global.actor(), progress);
            } catch (UpdateException e) {
                throw new Rejected(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Staged update %s (%s) in %s.%n", s.version(), BackupCommand.size(s.bytes()),
                    s.image().getParent());
            out.println("The system writes it to the spare system slot now; './airlock update status' shows how far"
                    + " it is. When it is ready, restart into it (systemctl reboot, or Restart in the kiosk).");
            return ExitCodes.OK;
        }

        private Path choose(List<Path> found, Path root) {
            if (found.isEmpty()) {
                throw new Rejected("No updates in " + StickLayout.Folder.UPDATE.on(root) + ": nothing was"
                        + " staged");
            }
            if (version != null) {
                ImageVersion wanted;
                try {
                    wanted = ImageVersion.parse(version.strip());
                } catch (IllegalArgumentException e) {
                    throw new Rejected("--version: " + e.getMessage());
                }
                return found.stream().filter(p -> versionOf(p).filter(wanted::equals).isPresent()).findFirst()
                        .orElseThrow(() -> new Rejected("No update " + wanted + " on the stick (it holds "
                                + names(found) + "): nothing was staged"));
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            return found.stream().filter(p -> versionOf(p).isPresent())
                    .max(Comparator.comparing(p -> versionOf(p).orElseThrow()))
                    .orElseThrow(() -> new Rejected("The stick holds several updates (" + names(found) + "): say which"
                            + " one with --version"));
        }

        private static String names(List<Path> found) {
            return String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList());
        }

        /** Announces each step once, on standard error. */
        private static UpdateProgress steps(PrintWriter err) {
            UpdateProgress.Step[] last = new UpdateProgress.Step[1];
            return (step, done, total) -> {
                if (step != last[0]) {
                    last[0] = step;
                    err.println(switch (step) {
                        case CHECKING -> "Checking the image on the stick (" + BackupCommand.size(total) + ")...";
                        case COPYING -> "Copying it into the data partition...";
                        case CHECKING_COPY -> "Checking the copy...";
                    });
                    err.flush();
                }
            };
        }
    }

    /** {@code airlock update status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show the running version and where a staged update stands: waiting, being written to the"
                    + " spare slot, ready for the restart, failed, or installed."})
    static final class Status implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        public Integer call() {
            UpdateService updates = service(global, global.openToRead());
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
            out.println(running(running));
            out.println(words(s, running));
            return ExitCodes.OK;
        }
    }

    /** The status in a sentence. */
    static String words(UpdateStatus s, RunningImage running) {
        String v = s.version().orElse("?");
        String slot = s.slot().map(x -> "system slot " + x).orElse("the spare system slot");
        String said = s.message().isBlank() ? "" : " (" + s.message() + ")";
        return switch (s.phase()) {
            case NONE -> "No update is staged.";
            case REQUESTED -> "Update " + v + " is staged; the system has not started writing it yet.";
            case WRITING -> "Update " + v + " is being written to " + slot + said + ".";
            case READY -> "Update " + v + " is written to " + slot + " and ready: restart into it (systemctl reboot,"
                    + " or Restart in the kiosk).";
            case FAILED -> "Update " + v + " failed" + said + ". The running system is unchanged.";
            case RESTARTED -> running instanceof RunningImage.Version r && s.version().isPresent()
                    && versionEquals(s.version().get(), r.version())
                    ? "Update " + v + " is installed and running."
                    : "Update " + v + " was written, but the appliance runs another version: " + v + " did not start,"
                            + " so it went back to the earlier version by itself.";
            case UNREADABLE -> ended(s.message());
        };
    }

    private static boolean versionEquals(String text, ImageVersion v) {
        try {
            return ImageVersion.parse(text).equals(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<ImageVersion> versionOf(Path manifest) {
        Matcher m = NAME.matcher(manifest.getFileName().toString());
        try {
            return m.matches() ? Optional.of(ImageVersion.parse(m.group(1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String line(UpdateCheck c) {
        String name = c.manifestFile().getFileName().toString();
        if (c instanceof UpdateCheck.Verified v) {
            UpdateManifest m = v.manifest();
            return name + ": version " + m.version() + ", built " + m.built() + ", image " + m.image() + " ("
                    + BackupCommand.size(m.size()) + "): verified"
                    + (v.notNewer() ? ", the same as or older than the running version (installing it was chosen)"
                            : "") + ".";
        }
        UpdateCheck.Refused r = (UpdateCheck.Refused) c;
        return name + ": refused. " + ended(r.message());
    }

    static Map<String, Object> jsonRow(UpdateCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manifest", c.manifestFile().toString());
        m.put("verified", c instanceof UpdateCheck.Verified);
        if (c instanceof UpdateCheck.Verified v) {
            m.put("version", v.manifest().version().toString());
            m.put("image", v.manifest().image());
            m.put("size", v.manifest().size());
            m.put("sha256", v.manifest().sha256());
            m.put("built", v.manifest().built());
            m.put("notNewer", v.notNewer());
        } else {
            UpdateCheck.Refused r = (UpdateCheck.Refused) c;
            m.put("problem", r.problem().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", r.message());
        }
        return m;
    }

    /** {@code text} ending in exactly one full stop. */
    static String ended(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
