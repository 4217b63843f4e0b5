package dev.airlock.appliance.apply;

import dev.airlock.appliance.audit.AuditEvent;
import java.nio.file.Path;
import java.util.Optional;

/** An activation kit written to a stick: how many machines and products, CIDs reused, old kit files removed. */
record ActivationKitWritten(Path kitDir, int machines, int products, int reusedCids, Optional<String> group,
        int removedOldFiles) implements AuditEvent {
    @Override
    public Row row() {
        return new Row("activation-kit.written", "stick " + kitDir, "machines=" + machines + "; products=" + products
                + "; reused CIDs=" + reusedCids + group.map(g -> "; group=" + g).orElse("") + "; removed old files="
                + removedOldFiles);
    }
}
