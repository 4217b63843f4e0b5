package dev.airlock.appliance.collect;

import java.util.EnumMap;
import java.util.Map;

/** Counts per outcome kind for one run (every kind present, 0 when none). */
public record IntakeSummary(Map<FileOutcome.Kind, Long> counts) {
    public IntakeSummary {
        Map<FileOutcome.Kind, Long> all = new EnumMap<>(FileOutcome.Kind.class);
        for (FileOutcome.Kind k : FileOutcome.Kind.values()) {
            all.put(k, counts.getOrDefault(k, 0L));
        }
        counts = java.util.Collections.unmodifiableMap(all);
    }

    public long get(FileOutcome.Kind kind) {
        return counts.get(kind);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean anyRejected() {
        return counts.get(FileOutcome.Kind.REJECTED) > 0;
    }

    /** "3 accepted, 1 updated, 0 unchanged, 1 rejected, 0 skipped". */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (FileOutcome.Kind k : FileOutcome.Kind.values()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(counts.get(k)).append(' ').append(k.label());
        }
        return s.toString();
    }
}
