package dev.airlock.appliance.inventory;

import static dev.airlock.appliance.inventory.MachineMatching.quote;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.MachineIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The full local record of lab machines and their products: recording collections and manual
 * entries, moving product states, and answering list/show/status questions.
 */
public final class InventoryService {
    private final Store store;
    private final AuditService audit;
    private final Clock clock;
    private final MachineRepository machines = new MachineRepository();
    private final ProductRepository products = new ProductRepository();
    private final InventoryQueryRepository queries = new InventoryQueryRepository();
    private final Transitions transitions;
    private final ProductUpserts upserts;

    /** @param reimage the reimage flow's rules, asked about every known product collected again */
    public InventoryService(Store store, AuditService audit, Clock clock, ReimageRules reimage) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.transitions = new Transitions(products, audit, clock);
        this.upserts = new ProductUpserts(products, transitions, reimage);
    }

    /**
     * Records one machine's collection inside the caller's transaction. A conflict writes nothing.
     *
     * @param source  where it came from, for history and audit (e.g. the file name)
     * @param group   put a new machine in this group (or move a known one)
     * @param sameAs  treat the record as this machine (operator's resolution of a conflict)
     */
    public CollectionOutcome recordCollection(Tx tx, CollectorRecord record, String source, Optional<String> group,
            OptionalLong sameAs, Actor actor) {
        return recordCollection(tx, record, source, group, sameAs, actor, KnownAbsent.nothing());
    }

    /**
     * What {@code records} name that the store holds none of: one query per kind of identifier for
     * a whole batch, handed to {@link #recordCollection(Tx, CollectorRecord, String, Optional,
     * OptionalLong, Actor, KnownAbsent)} for each of them in the same transaction.
     */
    public KnownAbsent absentAmong(Tx tx, List<CollectorRecord> records) {
        java.util.Set<String> uuids = new java.util.HashSet<>();
        java.util.Set<String> hosts = new java.util.HashSet<>();
        java.util.Set<String> iids = new java.util.HashSet<>();
        for (CollectorRecord r : records) {
            if (r.machine().hasUsableUuid()) {
                uuids.add(r.machine().smbiosUuid());
            }
            hosts.add(r.machine().hostName());
            r.products().forEach(p -> iids.add(p.iid().digits()));
        }
        uuids.removeAll(machines.storedUuids(tx, uuids));
        hosts.removeAll(machines.storedHosts(tx, hosts));
        iids.removeAll(products.storedIids(tx, iids));
        return new KnownAbsent(uuids, hosts, iids);
    }

    /**
     * As {@link #recordCollection(Tx, CollectorRecord, String, Optional, OptionalLong, Actor)},
     * skipping the lookups {@code absent} already answers; what the record names is then forgotten
     * by {@code absent}.
     */
    public CollectionOutcome recordCollection(Tx tx, CollectorRecord record, String source, Optional<String> group,
            OptionalLong sameAs, Actor actor, KnownAbsent absent) {
        try {
            return record(tx, record, source, group, sameAs, actor, absent);
        } finally {
            absent.forget(record);
        }
    }

    private CollectionOutcome record(Tx tx, CollectorRecord record, String source, Optional<String> group,
            OptionalLong sameAs, Actor actor, KnownAbsent absent) {
        MachineIdentity id = record.machine();
        // Step 1: find the machine this record is about.
        Optional<Machine> match;
        if (sameAs.isPresent()) {
            match = machines.machineById(tx, sameAs.getAsLong());
            if (match.isEmpty()) {
                return new CollectionOutcome.Conflict("there is no machine with id " + sameAs.getAsLong()
                        + " to take this record as (see ./airlock list)");
            }
            // the record's UUID may be another machine's: taking it over would break the one-UUID rule
            Optional<Machine> owner = id.hasUsableUuid() && !absent.noMachineWithUuid(id.smbiosUuid())
                    ? machines.machineByUuid(tx, id.smbiosUuid()) : Optional.empty();
            if (owner.isPresent() && owner.get().id() != sameAs.getAsLong()) {
                return new CollectionOutcome.Conflict("the record's SMBIOS UUID " + id.smbiosUuid()
                        + " is already recorded for machine " + owner.get().hostName() + " (id " + owner.get().id()
                        + "), so it cannot be taken in as machine " + sameAs.getAsLong() + "; take it in with --same-as "
                        + owner.get().id() + " or without --same-as");
            }
        } else {
            MachineMatching.Match m = MachineMatching.find(machines, tx, id, absent);
            if (m.conflict() != null) {
                return new CollectionOutcome.Conflict(m.conflict());
            }
            match = m.machine();
        }
        long except = match.map(Machine::id).orElse(-1L);
        // Step 2: an older collection than the one recorded changes nothing.
        if (match.isPresent() && record.collected().isBefore(match.get().lastCollected())) {
            Machine m = match.get();
            return new CollectionOutcome.Unchanged(m.id(), m.hostName(), "older than the record (collected "
                    + record.collected() + ", the store has " + m.lastCollected() + ")");
        }
        // Step 3: an IID already recorded on another machine is a conflict, never merged.
        for (CollectedProduct p : record.products()) {
            List<Product> elsewhere = absent.noProductWithIid(p.iid()) ? List.of()
                    : products.productsWithIid(tx, p.iid(), except);
            if (!elsewhere.isEmpty()) {
                Product other = elsewhere.get(0);
                return new CollectionOutcome.Conflict("the IID of '" + p.name() + "' on " + id.hostName()
                        + " is already recorded for machine " + other.hostName() + " (id " + other.machineId()
                        + "); one IID on two machines means the same hardware and key. If " + id.hostName()
                        + " is " + other.hostName() + " renamed or with a new board, take the file in with --same-as "
                        + other.machineId() + "; otherwise the file was copied or edited: collect the machine again",
                        OptionalLong.of(other.machineId()));
            }
        }
        Instant now = clock.instant();
        OptionalLong groupId = group.filter(g -> !g.isBlank())
                .map(g -> OptionalLong.of(machines.groupId(tx, g.strip(), now))).orElse(OptionalLong.empty());
        List<ProductFacts> facts = record.products().stream().map(ProductFacts::of).toList();
        // Step 4a: a new machine.
        if (match.isEmpty()) {
            long machineId = machines.insertMachine(tx, id, "collector", groupId, record.collected());
            List<String> notNeeded = new ArrayList<>();
            for (ProductFacts f : facts) {
                upserts.insertNew(tx, machineId, f, now).ifPresent(notNeeded::add);
            }
            audit.record(tx, actor, new InventoryEvents.MachineAdded(machineId, id.hostName(), facts.size(),
                    notNeeded.size(), source, group));
            return new CollectionOutcome.Added(machineId, id.hostName(), facts.size(), notNeeded);
        }
        // Step 4b: a known machine: record what changed.
        Machine m = match.get();
        List<String> changes = new ArrayList<>();
        Map<String, String[]> diff = MachineMatching.identityDiff(m, id);
        for (Map.Entry<String, String[]> e : diff.entrySet()) {
            machines.insertChange(tx, m.id(), now, e.getKey(), e.getValue()[0], e.getValue()[1], source);
            changes.add(e.getKey() + " " + quote(e.getValue()[0]) + " -> " + quote(e.getValue()[1]));
        }
        if (!diff.isEmpty()) {
            machines.updateMachineIdentity(tx, m.id(), id, record.collected());
        } else {
            machines.touchMachine(tx, m.id(), record.collected());
        }
        if (groupId.isPresent() && !group.get().strip().equalsIgnoreCase(m.group())) {
            machines.setGroup(tx, m.id(), groupId);
            machines.insertChange(tx, m.id(), now, "group", m.group(), group.get().strip(), source);
            changes.add("group " + quote(m.group()) + " -> " + quote(group.get().strip()));
        }
        changes.addAll(upserts.upsert(tx, m.id(), facts, now, source, actor));
        if (changes.isEmpty()) {
            return new CollectionOutcome.Unchanged(m.id(), m.hostName(), "same as the record");
        }
        audit.record(tx, actor, new InventoryEvents.MachineUpdated(m.id(), id.hostName(), source, changes));
        return new CollectionOutcome.Updated(m.id(), id.hostName(), changes);
    }

    /** Records one product typed in by hand, in its own transaction. */
    public CollectionOutcome addManual(ManualEntry entry, Actor actor) {
        return store.inTransaction(tx -> {
            ProductFacts f = ProductFacts.of(entry);
            List<Machine> byHost = machines.machinesByHost(tx, entry.hostName());
            if (byHost.size() > 1) {
                return new CollectionOutcome.Conflict("host name " + entry.hostName() + " matches " + byHost.size()
                        + " machines (ids " + MachineMatching.ids(byHost) + "); rename one or collect them with the"
                        + " kit");
            }
            long except = byHost.isEmpty() ? -1 : byHost.get(0).id();
            List<Product> elsewhere = products.productsWithIid(tx, f.iid(), except);
            if (!elsewhere.isEmpty()) {
                Product other = elsewhere.get(0);
                return new CollectionOutcome.Conflict("this IID is already recorded for '" + other.name() + "' on "
                        + other.hostName() + " (machine id " + other.machineId() + "); check the host name and the"
                        + " IID you typed");
            }
            Instant now = clock.instant();
            OptionalLong groupId = entry.group().filter(g -> !g.isBlank())
                    .map(g -> OptionalLong.of(machines.groupId(tx, g.strip(), now))).orElse(OptionalLong.empty());
            if (byHost.isEmpty()) {
                MachineIdentity id = new MachineIdentity(entry.hostName(), "", false, "", "", "", "", "", "",
                        List.of(), List.of());
                long machineId = machines.insertMachine(tx, id, "manual", groupId, now);
                List<String> notNeeded = upserts.insertNew(tx, machineId, f, now).stream().toList();
                audit.record(tx, actor, new InventoryEvents.MachineAdded(machineId, entry.hostName(), 1,
                        notNeeded.size(), "manual entry", entry.group()));
                return new CollectionOutcome.Added(machineId, entry.hostName(), 1, notNeeded);
            }
            Machine m = byHost.get(0);
            List<String> changes = new ArrayList<>();
            if (groupId.isPresent() && !entry.group().get().strip().equalsIgnoreCase(m.group())) {
                machines.setGroup(tx, m.id(), groupId);
                machines.insertChange(tx, m.id(), now, "group", m.group(), entry.group().get().strip(), "manual entry");
                changes.add("group " + quote(m.group()) + " -> " + quote(entry.group().get().strip()));
            }
            changes.addAll(upserts.upsert(tx, m.id(), List.of(f), now, "manual entry", actor));
            if (changes.isEmpty()) {
                return new CollectionOutcome.Unchanged(m.id(), m.hostName(), "this product is already recorded");
            }
            audit.record(tx, actor, new InventoryEvents.MachineUpdated(m.id(), m.hostName(), "manual entry", changes));
            return new CollectionOutcome.Updated(m.id(), m.hostName(), changes);
        });
    }

    /**
     * Moves one product through the state machine inside the caller's transaction and audits it:
     * the one way every workflow (export, merge, apply, reimage) changes a product's state.
     *
     * @param detail kept with the state: plain words, a rejection's error code, a forced reuse
     * @param cid    the CID that came with the event, if any
     * @return the product as it is now
     * @throws IllegalTransitionException when the event is not allowed in the product's state
     * @throws IllegalArgumentException   when there is no such product
     */
    public Product transition(Tx tx, long productId, ProductEvent event, StateDetail detail,
            Optional<ConfirmationId> cid, Actor actor) {
        return transitions.apply(tx, productId, event, detail, cid, actor);
    }

    /** {@link #transition(Tx, long, ProductEvent, StateDetail, Optional, Actor)} with plain words as the detail. */
    public Product transition(Tx tx, long productId, ProductEvent event, String detail,
            Optional<ConfirmationId> cid, Actor actor) {
        return transition(tx, productId, event, StateDetail.note(detail), cid, actor);
    }

    /**
     * Activations saved: how many times a stored CID was applied again (a product went
     * REUSABLE → APPLIED, after a reimage or a forced reuse) instead of spending a new activation.
     */
    public long activationsSaved() {
        return store.read(products::activationsSaved);
    }

    /** The newest earlier installation of a product that has a CID (from its history), if any. */
    public Optional<EarlierInstallation> earlierInstallationWithCid(Tx tx, long productId) {
        return products.newestHistoricWithCid(tx, productId);
    }

    /** A machine's products, read inside the caller's transaction (sees its uncommitted writes). */
    public List<Product> productsOfMachine(Tx tx, long machineId) {
        return products.productsOfMachine(tx, machineId);
    }

    /** A product by id, read inside the caller's transaction. */
    public Optional<Product> product(Tx tx, long productId) {
        return products.productById(tx, productId);
    }

    /** Puts machines into a lab group (created when new). Returns how many moved. */
    public int assignGroup(List<Long> machineIds, String group, Actor actor) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group name is empty");
        }
        dev.airlock.formats.outside.OutsideText.problem(group.strip()).ifPresent(p -> {
            throw new IllegalArgumentException("group name '" + dev.airlock.formats.outside.OutsideText.shown(group)
                    + "' " + p + ": type it as one plain line");
        });
        return store.inTransaction(tx -> {
            Instant now = clock.instant();
            long gid = machines.groupId(tx, group.strip(), now);
            int moved = 0;
            for (long id : machineIds) {
                Machine m = machines.machineById(tx, id).orElseThrow(() -> new IllegalArgumentException(
                        "there is no machine with id " + id));
                if (!m.group().equalsIgnoreCase(group.strip())) {
                    machines.setGroup(tx, id, OptionalLong.of(gid));
                    machines.insertChange(tx, id, now, "group", m.group(), group.strip(),
                            "assigned by " + actor.name());
                    audit.record(tx, actor, new InventoryEvents.MachineRegrouped(id, m.group(), group.strip()));
                    moved++;
                }
            }
            return moved;
        });
    }

    /** Streams products matching {@code filter}, ordered by host then product, in pages of {@code limit}. */
    public void forEachProduct(ProductFilter filter, long offset, long limit, Consumer<Product> sink) {
        store.read(tx -> {
            queries.streamProducts(tx, filter, offset, limit, sink);
            return null;
        });
    }

    /** A page of products matching {@code filter} (for lazy grids). */
    public List<Product> products(ProductFilter filter, long offset, int limit) {
        List<Product> out = new ArrayList<>(Math.min(limit, 1000));
        forEachProduct(filter, offset, limit, out::add);
        return out;
    }

    /** How many products match {@code filter} (the size of a lazy grid). */
    public long countProducts(ProductFilter filter) {
        return store.read(tx -> queries.countProducts(tx, filter));
    }

    /** The kinds of product recorded so far, one per SKU (to pick from when typing one in by hand). */
    public List<KnownProduct> knownProducts() {
        return store.read(queries::knownProducts);
    }

    /** A machine by id, or by host name when {@code key} is not a number. */
    public Optional<MachineDetail> machine(String key) {
        return store.read(tx -> {
            Optional<Machine> m;
            String k = key.strip();
            if (k.matches("\\d{1,18}")) {
                m = machines.machineById(tx, Long.parseLong(k));
            } else {
                List<Machine> byHost = machines.machinesByHost(tx, k);
                m = byHost.isEmpty() ? Optional.empty() : Optional.of(byHost.get(0));
            }
            return m.map(machine -> new MachineDetail(machine, products.productsOfMachine(tx, machine.id()),
                    machines.changes(tx, machine.id(), 200)));
        });
    }

    /** Counts per state and per group, and the next step in plain words. */
    public StatusReport status() {
        return store.read(tx -> {
            Map<String, Map<ProductState, Long>> byGroup = queries.countsByGroupAndState(tx);
            Map<ProductState, Long> byState = InventoryQueryRepository.zeroCounts();
            long products = 0;
            for (Map<ProductState, Long> counts : byGroup.values()) {
                for (Map.Entry<ProductState, Long> e : counts.entrySet()) {
                    byState.merge(e.getKey(), e.getValue(), Long::sum);
                    products += e.getValue();
                }
            }
            return new StatusReport(queries.machineCount(tx), products, byState, byGroup,
                    StatusWords.sumReasons(queries.notNeededByGroup(tx), Optional.empty()),
                    StatusWords.nextSteps(byState));
        });
    }

    /**
     * Products left out because they need no CID (state NOT_NEEDED), per reason, zero-filled; of
     * machines in {@code group} when given ("" = machines without a group).
     */
    public Map<NotNeededReason, Long> notNeeded(Optional<String> group) {
        return store.read(tx -> StatusWords.sumReasons(queries.notNeededByGroup(tx), group));
    }

    // ---- internals ------------------------------------------------------------------------
}
