package dev.airlock.appliance.update;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which of the updates on a stick to take: by the version in the manifest's name ({@code airlock-VERSION.update}). */
public final class UpdateChoice {
    private static final Pattern MANIFEST_NAME = Pattern.compile("airlock-(.+)\\.update");

    private UpdateChoice() {}

    /** The version an update's manifest file name carries ({@code airlock-VERSION.update}), if it parses. */
    public static Optional<ImageVersion> versionOf(Path manifest) {
        Matcher m = MANIFEST_NAME.matcher(manifest.getFileName().toString());
        try {
            return m.matches() ? Optional.of(ImageVersion.parse(m.group(1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Of the manifests {@link UpdateService#find} gave, the one named for {@code version}. */
    public static Optional<Path> withVersion(List<Path> found, ImageVersion version) {
        return found.stream().filter(p -> versionOf(p).filter(version::equals).isPresent()).findFirst();
    }

    /** Of the manifests {@link UpdateService#find} gave, the only one, else the newest by the version in its name. */
    public static Optional<Path> newest(List<Path> found) {
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        return found.stream().filter(p -> versionOf(p).isPresent())
                .max(Comparator.comparing(p -> versionOf(p).orElseThrow()));
    }
}
