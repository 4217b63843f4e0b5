package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.update.UpdateConfig;
import dev.airlock.appliance.update.UpdateService;
import picocli.CommandLine.Command;

/** {@code airlock update}: check, stage and follow an appliance update carried on a stick. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Update the appliance from a stick: signed updates in STICK/AIRLOCK/update/ are checked against"
                + " the release key built into the image, then copied for the system to write to its spare slot."},
        subcommands = {UpdateCheckCommand.class, UpdateStageCommand.class, UpdateStatusCommand.class})
final class UpdateCommand extends GroupCommand {
    UpdateCommand() {
        super("'check', 'stage' or 'status'");
    }

    static UpdateService service(GlobalOptions global, Appliance appliance) {
        return appliance.update(UpdateConfig.from(global.settings()));
    }
}
