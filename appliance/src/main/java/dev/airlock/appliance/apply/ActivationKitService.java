package dev.airlock.appliance.apply;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.MachineDetail;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.kit.ActivationKit;
import dev.airlock.formats.kit.ActivationKitWriter;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the activation kit: under {@code STICK/AIRLOCK/kit/} one file per machine that has
 * products in CID_RECEIVED or REUSABLE (identity, and per product SKU, IID, CID). Each file is
 * written atomically; kit files of an earlier kit that this one does not rewrite are removed, so
 * apply mode never deposits a CID the record no longer waits to apply. Changes no product state.
 */
final class ActivationKitService {
    /** States whose products go into the kit. */
    static final List<ProductState> KIT_STATES = List.of(ProductState.CID_RECEIVED, ProductState.REUSABLE);

    private final Store store;
    private final InventoryService inventory;
    private final AuditService audit;
    private final Clock clock;
    private final ActivationKitWriter writer = new ActivationKitWriter();

    ActivationKitService(Store store, InventoryService inventory, AuditService audit, Clock clock) {
        this.store = store;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the kit for every waiting product (of {@code group}, when given) under {@code stickRoot}. */
    KitWritten write(Path stickRoot, Optional<String> group, Actor actor) throws IOException {
        if (!Files.isDirectory(stickRoot)) {
            throw new IOException(stickRoot + " is not a folder (is the stick mounted?)");
        }
        // Step 1: the waiting products, per machine.
        Map<Long, List<Product>> byMachine = new LinkedHashMap<>();
        for (ProductState state : KIT_STATES) {
            ProductFilter filter = ProductFilter.all().withState(state);
            if (group.isPresent() && !group.get().isBlank()) {
                filter = filter.withGroup(group.get().strip());
            }
            inventory.forEachProduct(filter, 0, Long.MAX_VALUE, p -> {
                if (!p.cid().isEmpty()) {
                    byMachine.computeIfAbsent(p.machineId(), k -> new ArrayList<>()).add(p);
                }
            });
        }
        // Step 2: one file per machine, atomically.
        Path kitDir = StickLayout.Folder.KIT.on(stickRoot);
        Files.createDirectories(kitDir);
        List<Path> written = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int products = 0;
        int reused = 0;
        for (Map.Entry<Long, List<Product>> e : byMachine.entrySet()) {
            MachineDetail detail = inventory.machine(Long.toString(e.getKey())).orElseThrow();
            MachineIdentity id = detail.machine().identity();
            List<ActivationKit.Product> kitProducts = new ArrayList<>();
            for (Product p : e.getValue()) {
                kitProducts.add(kitProduct(p));
                reused += p.state() == ProductState.REUSABLE ? 1 : 0;
            }
            ActivationKit kit = new ActivationKit(clock.instant(), id.hostName(), id.hasUsableUuid() ? id.smbiosUuid()
                    : "", kitProducts);
            String name = kit.fileName();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                // two machines with the same host name and no UUID: keep both files apart
                name = name.substring(0, name.length() - 4) + "_" + e.getKey() + ".xml";
                names.add(name.toLowerCase(Locale.ROOT));
            }
            Path target = kitDir.resolve(name);
            AtomicFiles.write(target, writer.write(kit));
            written.add(target);
            products += kitProducts.size();
        }
        // Step 3: earlier kit files this kit does not rewrite.
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(kitDir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".xml") && !names.contains(n) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(f);
                    removed.add(f);
                }
            }
        }
        int machines = written.size();
        int productCount = products;
        int reusedCount = reused;
        store.inTransaction(tx -> audit.record(tx, actor, new ActivationKitWritten(kitDir, machines, productCount,
                reusedCount, group, removed.size())));
        return new KitWritten(kitDir, written, machines, productCount, reusedCount, removed);
    }

    private static ActivationKit.Product kitProduct(Product p) {
        return new ActivationKit.Product(ProductClass.ofWmiName(p.productClass()), p.skuId(), p.name(), p.iid(),
                p.cid().orElseThrow(() -> new IllegalStateException("product " + p.id() + " went into a kit without"
                        + " a CID")));
    }
}
