package dev.airlock.appliance.cli;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.UpdateCheck;
import dev.airlock.appliance.update.UpdateProgress;
import dev.airlock.appliance.update.UpdateService;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code airlock update check STICK}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"List the updates on the stick and verify each one: the signature against the release key,"
                + " the manifest, the version (newer than the running one), and the image's size and SHA-256.",
            "Exit 0 when at least one update can be installed, 1 when none can (or there is none)."})
final class UpdateCheckCommand implements Callable<Integer> {
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
        UpdateService updates = UpdateCommand.service(global, global.openToRead());
        RunningImage running = updates.running();
        List<UpdateCheck> checks = updates.checkStick(root, reinstall, UpdateProgress.none());
        PrintWriter out = spec.commandLine().getOut();
        boolean any = checks.stream().anyMatch(c -> c instanceof UpdateCheck.Verified);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("running", running instanceof RunningImage.Version v ? v.version().toString() : null);
            m.put("appliance", running instanceof RunningImage.Version);
            m.put("updates", checks.stream().map(UpdateWords::jsonRow).toList());
            Json.print(out, m);
            return any ? ExitCodes.OK : ExitCodes.REJECTED;
        }
        out.println(UpdateWords.running(running));
        if (checks.isEmpty()) {
            out.println("No updates in " + StickLayout.Folder.UPDATE.on(root) + StickLayout.offTheStick(root,
                    StickLayout.Folder.UPDATE).map(o -> " (" + o.shown() + ")").orElse("") + ": copy the release's"
                    + " three files (.update, .update.sig and .root.squashfs) there.");
            return ExitCodes.REJECTED;
        }
        for (UpdateCheck c : checks) {
            out.println(UpdateWords.line(c));
        }
        if (any && running instanceof RunningImage.Version) {
            out.println("To install: ./airlock update stage " + root + (reinstall ? " --reinstall" : ""));
        } else if (any) {
            out.println("Nothing can be staged here: this is not an appliance image.");
        }
        return any ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
