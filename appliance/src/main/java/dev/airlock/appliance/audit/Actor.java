package dev.airlock.appliance.audit;

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
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("operator name contains a control character");
            }
        }
    }

    /** The actor for work the appliance does by itself. */
    public static Actor system() {
        return new Actor("airlock");
    }
}
