package dev.airlock.appliance.collect;

import java.util.EnumMap;
import java.util.Map;

/** Counts per outcome kind for one run. */
public final class IntakeSummary {
    private final Map<FileOutcome.Kind, Long> counts = new EnumMap<>(FileOutcome.Kind.class);

    IntakeSummary() {
        for (FileOutcome.Kind k : FileOutcome.Kind.values()) {
            counts.put(k, 0L);
        }
    }

    void count(FileOutcome.Kind kind) {
        counts.merge(kind, 1L, Long::sum);
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
