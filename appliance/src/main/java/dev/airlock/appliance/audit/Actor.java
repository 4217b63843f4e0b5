package dev.airlock.appliance.audit;

import dev.airlock.formats.outside.OutsideText;

/** The person an action is recorded against: a CLI user ({@code --as}) or a signed-in kiosk operator. */
public record Actor(String name) {
    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator name is empty");
        }
        name = name.strip();
        if (name.length() > 64) {
            throw new IllegalArgumentException("operator name is longer than 64 characters");
        }
        OutsideText.problem(name).ifPresent(p -> {
            throw new IllegalArgumentException("operator name must be one line of plain text; it " + p);
        });
    }

    /** The actor for work the appliance does by itself. */
    public static Actor system() {
        return new Actor("airlock");
    }
}
