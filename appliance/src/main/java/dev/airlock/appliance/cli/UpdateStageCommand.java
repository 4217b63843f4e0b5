package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.update.ImageVersion;
import dev.airlock.appliance.update.StagedUpdate;
import dev.airlock.appliance.update.UpdateCheck;
import dev.airlock.appliance.update.UpdateChoice;
import dev.airlock.appliance.update.UpdateException;
import dev.airlock.appliance.update.UpdateProgress;
import dev.airlock.appliance.update.UpdateService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock update stage STICK}. */
@Command(name = "stage",
        description = {"Verify an update on the stick, copy it into DATA/update/staged/ (checked again after the"
                + " copy) and ask the system to write it to the spare system slot.",
            "Back up first ('airlock backup'): an update never touches the data, but a backup costs a minute."
                + " Then follow it with 'airlock update status' and restart when it is ready."})
final class UpdateStageCommand implements Callable<Integer> {
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
        UpdateService updates = UpdateCommand.service(global, appliance);
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
            throw new Rejected("No updates in " + StickLayout.Folder.UPDATE.on(root) + StickLayout.offTheStick(root,
                    StickLayout.Folder.UPDATE).map(o -> " (" + o.shown() + ")").orElse("") + ": nothing was"
                    + " staged");
        }
        if (version != null) {
            ImageVersion wanted;
            try {
                wanted = ImageVersion.parse(version.strip());
            } catch (IllegalArgumentException e) {
                throw new Rejected("--version: " + e.getMessage());
            }
            return UpdateChoice.withVersion(found, wanted).orElseThrow(() -> new Rejected("No update " + wanted
                    + " on the stick (it holds " + names(found) + "): nothing was staged"));
        }
        return UpdateChoice.newest(found)
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
