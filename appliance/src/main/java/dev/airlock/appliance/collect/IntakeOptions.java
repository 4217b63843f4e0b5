package dev.airlock.appliance.collect;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to take files in.
 *
 * @param group  put new machines into this lab group
 * @param sameAs treat the (single) file as this machine: the operator's answer to a conflict
 */
public record IntakeOptions(Optional<String> group, OptionalLong sameAs) {
    public IntakeOptions {
        group.ifPresent(g -> dev.airlock.formats.outside.OutsideText.problem(g.strip()).ifPresent(p -> {
            throw new IllegalArgumentException("group name '" + dev.airlock.formats.outside.OutsideText.shown(g)
                    + "' " + p + ": type it as one plain line");
        }));
    }

    public static IntakeOptions defaults() {
        return new IntakeOptions(Optional.empty(), OptionalLong.empty());
    }
}
