package dev.airlock.appliance.keys;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.formats.ids.PartialProductKey;
import java.time.Instant;

/** What the audit log records about the MAK vault: a key added, removed or revealed, a remaining count learned. */
sealed interface MakEvents extends AuditEvent {
    /** A MAK sealed into the vault ({@code description} "" for none). */
    record MakAdded(long makId, PartialProductKey partialKey, String description) implements MakEvents {
        @Override
        public Row row() {
            return new Row("mak.add", "mak " + makId, "partial key " + partialKey
                    + (description.isEmpty() ? "" : "; description " + description));
        }
    }

    /** A MAK removed from the vault ({@code partialKey} as the vault lists it). */
    record MakRemoved(long makId, String partialKey) implements MakEvents {
        @Override
        public Row row() {
            return new Row("mak.remove", "mak " + makId, "partial key " + partialKey);
        }
    }

    /** A whole MAK unsealed for {@code purpose}, e.g. {@code collector kit on /media/STICK}. */
    record MakRevealed(long makId, PartialProductKey partialKey, String purpose) implements MakEvents {
        @Override
        public Row row() {
            return new Row("mak.reveal", "mak " + makId, "partial key " + partialKey + "; for " + purpose);
        }
    }

    /** What the gateway learned about a MAK's remaining activations, and when. */
    record MakRemainingLearned(long makId, int remaining, Instant learned) implements MakEvents {
        @Override
        public Row row() {
            return new Row("mak.remaining", "mak " + makId, remaining + " activations left as of " + learned);
        }
    }
}
