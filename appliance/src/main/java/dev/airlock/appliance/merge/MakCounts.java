package dev.airlock.appliance.merge;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.ids.PartialProductKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The MAK counts a response brings back, recorded in the vault when they are newer than what it knows. */
final class MakCounts {
    private final MakVault vault;

    MakCounts(MakVault vault) {
        this.vault = vault;
    }

    List<MergeOutcome.CountUpdate> record(RequestBundle req, ResponseBundle response, Actor actor) {
        Map<Integer, Optional<PartialProductKey>> asked = new HashMap<>();
        req.queries().forEach(q -> asked.put(q.epid(), q.partialKey()));
        List<MakEntry> makEntries = vault.list();
        List<MergeOutcome.CountUpdate> updates = new ArrayList<>();
        for (ResponseBundle.CountResult c : response.counts()) {
            Optional<PartialProductKey> pk = c.partialKey().or(() -> asked.getOrDefault(c.epidIndex(),
                    Optional.empty()));
            if (pk.isEmpty()) {
                continue;
            }
            String partial = pk.get().toString();
            Optional<MakEntry> mak = makEntries.stream().filter(m -> m.partialKey().equalsIgnoreCase(partial))
                    .findFirst();
            boolean stored = false;
            if (mak.isPresent() && mak.get().remainingLearned().map(t -> !t.isAfter(response.created())).orElse(true)) {
                try {
                    vault.recordRemaining(mak.get().id(), (int) Math.min(Integer.MAX_VALUE, c.remaining()),
                            response.created(), actor);
                    stored = true;
                } catch (KeysException e) {
                    stored = false; // removed from the vault meanwhile
                }
            }
            updates.add(new MergeOutcome.CountUpdate(partial, c.remaining(),
                    mak.map(m -> OptionalLong.of(m.id())).orElse(OptionalLong.empty()), stored));
        }
        return updates;
    }
}
