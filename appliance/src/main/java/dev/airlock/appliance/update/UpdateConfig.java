package dev.airlock.appliance.update;

import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import java.nio.file.Path;

/**
 * Where the image keeps what updates need, from the settings: the pinned release key and
 * os-release; and how to restart.
 *
 * @param releaseKey the Ed25519 public key (PEM) release updates are signed with
 * @param osRelease the file whose {@code IMAGE_VERSION=} is the running version
 */
public record UpdateConfig(Path releaseKey, Path osRelease, Restarter restarter) {
    /** From {@code update.release-key} and {@code update.os-release}; restarts with {@code systemctl reboot}. */
    public static UpdateConfig from(Settings settings) {
        return new UpdateConfig(Path.of(settings.value(Setting.UPDATE_RELEASE_KEY)),
                Path.of(settings.value(Setting.UPDATE_OS_RELEASE)), Restarter.systemctl());
    }

    /** The same paths, restarting with {@code r}. */
    public UpdateConfig withRestarter(Restarter r) {
        return new UpdateConfig(releaseKey, osRelease, r);
    }
}
