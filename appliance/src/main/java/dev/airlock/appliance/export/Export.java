package dev.airlock.appliance.export;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.bundles.QrTransfer;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.inventory.BulkTransitions;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.NotNeededReason;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.keys.KeyAccess;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.ledger.OutboundBundle;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.CountQuery;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The export flow, to a transfer stick: choose eligible products, check the stick and the MAK budget, build
 * and sign the request, write it under a temp name in {@code STICK/AIRLOCK/outbound/} and read it back,
 * mark the products EXPORTED in one transaction with the bundle's ledger rows, and only then give the
 * file its name: a request under its final name is always one the ledger holds. Before writing, an
 * {@link OrphanSweep} clears what an interrupted export left on the stick.
 *
 * <p>Eligible: COLLECTED products; a product that needs no CID (collected Licensed, or a KMS
 * client) is NOT_NEEDED and never eligible: the plan only counts it, per reason. With {@code again}, also EXPORTED (still waiting) and REJECTED
 * ones. A rejected product whose machine got a new key comes back as COLLECTED on its own (a new
 * IID), so it goes out without {@code again}; the same IID again (e.g. after activations were added
 * to the MAK) is an explicit decision.
 */
public final class Export {

    private final Store store;
    private final InventoryService inventory;
    private final ExportService export;
    private final BundleLedger ledger;
    private final MakVault vault;
    private final KeyService keys;
    private final BulkTransitions transitions;

    public Export(Store store, InventoryService inventory, BundleLedger ledger, MakVault vault, KeyService keys,
            AuditService audit, java.time.Clock clock, java.util.random.RandomGenerator random) {
        this.store = store;
        this.inventory = inventory;
        this.export = new ExportService(keys, clock, random);
        this.ledger = ledger;
        this.vault = vault;
        this.keys = keys;
        this.transitions = new BulkTransitions(audit, clock);
    }

    /**
     * What an export would take: the products, budget warnings, one count query per MAK, how many
     * eligible ones do not fit, and how many of the chosen group are left out because they need no CID
     * (per reason, zero-filled).
     */
    public record Plan(List<Product> products, List<BudgetWarning> warnings, List<CountQuery> countQueries,
            long leftOver, Map<NotNeededReason, Long> notNeeded) {
        public Plan {
            products = List.copyOf(products);
            warnings = List.copyOf(warnings);
            countQueries = List.copyOf(countQueries);
            notNeeded = Map.copyOf(notNeeded);
        }

        /** An empty plan (nothing chosen yet). */
        public static Plan empty() {
            return new Plan(List.of(), List.of(), List.of(), 0, Map.of());
        }

        /** How many products were left out because they need no CID. */
        public long notNeededTotal() {
            return StatusReport.leftOut(notNeeded);
        }

        /** The count for one reason (0 when none). */
        public long notNeeded(NotNeededReason reason) {
            return notNeeded.getOrDefault(reason, 0L);
        }
    }

    /**
     * A signed request for {@code products} built in memory (no stick, no state change): each reduced
     * to its PII-free record, signed with this appliance's key unsealed with {@code passphrase}.
     */
    public BuiltRequest buildRequest(List<Product> products, List<CountQuery> countQueries,
            KeyAccess passphrase, Actor actor) throws KeysException {
        return export.buildRequest(products, countQueries, passphrase, actor);
    }

    /** Chooses the products and checks the MAK budget; writes nothing. */
    public Plan plan(ExportOptions options) {
        int max = Math.min(options.limit(), RequestBundle.MAX_RECORDS);
        List<ProductState> states = options.again()
                ? List.of(ProductState.COLLECTED, ProductState.EXPORTED, ProductState.REJECTED)
                : List.of(ProductState.COLLECTED);
        List<ProductFilter> filters = new ArrayList<>();
        for (ProductState s : states) {
            ProductFilter f = ProductFilter.all().withState(s);
            filters.add(options.group().isPresent() ? f.withGroup(options.group().get()) : f);
        }
        List<Product> chosen = new ArrayList<>();
        for (ProductFilter f : filters) {
            if (chosen.size() >= max) {
                break;
            }
            inventory.forEachProduct(f, 0, max - chosen.size(), chosen::add);
        }
        long eligible = chosen.size();
        if (chosen.size() >= max) { // count the rest (by the state index), without reading them
            eligible = 0;
            for (ProductFilter f : filters) {
                eligible += inventory.countProducts(f);
            }
        }
        Map<String, List<Product>> byMak = byMak(chosen);
        return new Plan(chosen, budget(byMak), countQueries(byMak), Math.max(0, eligible - chosen.size()),
                inventory.notNeeded(options.group()));
    }

    /** MAKs (partial key + ePID prefix) whose last known remaining count is lower than their products here. */
    private List<BudgetWarning> budget(Map<String, List<Product>> byMak) {
        if (byMak.isEmpty()) {
            return List.of();
        }
        List<MakEntry> vaultEntries = vault.list();
        List<BudgetWarning> warnings = new ArrayList<>();
        byMak.forEach((key, list) -> {
            Product first = list.get(0);
            for (MakEntry m : vaultEntries) {
                if (m.partialKey().equalsIgnoreCase(first.partialKey()) && m.remaining().isPresent()
                        && m.remaining().getAsInt() < list.size()) {
                    warnings.add(new BudgetWarning(first.partialKey(), epidPrefix(first.epid().toString()), list.size(),
                            m.remaining().getAsInt(), m.remainingLearned().orElseThrow()));
                    break;
                }
            }
        });
        return warnings;
    }

    /**
     * Runs the export.
     *
     * @throws ExportRefusedException nothing eligible, a lab stick, or the MAK budget without force: nothing changed
     * @throws IOException            the stick failed: no product was marked, no half file left
     */
    public ExportResult run(ExportOptions options, KeyAccess passphrase, Actor actor)
            throws ExportRefusedException, KeysException, IOException {
        Path stick = options.stick().toAbsolutePath().normalize();
        checkTransferStick(stick);
        keys.deriveAhead(passphrase); // the unseal's Argon2id runs on the other core while the export plans
        // Step 0: what an interrupted export left on this stick: an unrecorded request goes, a recorded one is finished.
        List<String> swept = new OrphanSweep(store, ledger).sweep(stick, keys.publicKey().id());
        Plan plan = plan(options);
        if (plan.products().isEmpty()) {
            String leftOut = StatusReport.leftOutLine(plan.notNeeded());
            throw new ExportRefusedException((swept.isEmpty() ? "" : String.join("; ", swept) + "; ") + "nothing to export: no " + (options.again()
                    ? "COLLECTED, EXPORTED or REJECTED" : "COLLECTED") + " products"
                    + options.group().map(g -> " in group " + g).orElse("")
                    + (options.again() ? "" : " (add --again to send EXPORTED or REJECTED ones once more)")
                    + (leftOut.isEmpty() ? "" : "; " + leftOut + " (they need no CID)"));
        }
        if (!plan.warnings().isEmpty() && !options.force()) {
            StringBuilder sb = new StringBuilder("the MAK budget is too small; nothing was exported:");
            plan.warnings().forEach(w -> sb.append("\n  ").append(w.message()));
            throw new ExportRefusedException(sb.toString());
        }
        BuiltRequest built = export.buildRequest(plan.products(), plan.countQueries(), passphrase, actor);
        SignedBundle bundle = built.bundle();
        // Step 1: write under a temp name (fsync) and read it back: the same bytes, and the digest and
        // signature over them (what proves the stick holds what was signed; no re-parse). No reader takes a temp name.
        Path file = StickLayout.Folder.OUTBOUND.on(stick).resolve(BundleFile.fileName(bundle));
        byte[] bytes = BundleFile.write(bundle, keys.publicKey());
        Path temp = AtomicFiles.writeTemp(file, bytes);
        try {
            byte[] back = AtomicFiles.readBack(temp);
            if (!Arrays.equals(back, bytes)) {
                throw new IOException("wrote " + file + " but reading it back gave different content (failing"
                        + " medium?); the file cannot be trusted");
            }
            BundleFile.checkReadBack(back, bundle, keys.publicKey());
        } catch (FormatException e) {
            deleteQuietly(temp);
            throw new IOException("the bundle read back from " + file + " does not verify (" + e.getMessage()
                    + "); the stick cannot be trusted", e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        // Step 2: one transaction: the ledger rows and every product EXPORTED, before the file takes its name,
        // so a request under its final name is always one the lab knows (a kill before the rename leaves a temp
        // copy that the next export's sweep puts in place).
        String fileName = file.getFileName().toString();
        String shortId = built.request().id().shortId();
        List<BulkTransitions.Change> changes = new ArrayList<>(plan.products().size());
        for (Product p : plan.products()) {
            changes.add(new BulkTransitions.Change(p.id(), p.iid(), ProductEvent.EXPORT,
                    StateDetail.note("in request " + shortId),
                    Optional.empty()));
        }
        record Recorded(OutboundBundle bundle, BulkTransitions.Result moved) {}
        Recorded recorded;
        try {
            recorded = store.inTransaction(tx -> new Recorded(
                    ledger.recordOutbound(tx, bundle, fileName, built.productIds(), actor.name()),
                    transitions.apply(tx, changes, actor, (event, n) -> new ProductsExported(shortId, fileName, n))));
        } catch (RuntimeException e) {
            deleteQuietly(temp); // unknown to the ledger: its answer could never merge
            throw e;
        }
        // Step 3: the recorded request takes its name (its bytes were read back and verified under the temp name).
        try {
            AtomicFiles.moveInPlace(temp, file);
        } catch (IOException e) {
            throw new ExportUnfinishedException("request " + shortId + " is recorded and its products are EXPORTED, but putting "
                    + file + " in place failed (" + e.getMessage() + "); plug the stick in again and run export"
                    + " to finish it, or export these products again with --again", e);
        }
        Optional<QrTransfer.Encoded> qr = Optional.empty();
        if (options.qrDir().isPresent()) {
            try {
                qr = Optional.of(QrTransfer.encode(file, options.qrDir().get().toAbsolutePath().normalize(),
                        options.qrOptions()));
            } catch (FormatException e) {
                throw new IllegalStateException("the bundle just written does not render as QR frames: "
                        + e.getMessage(), e);
            }
        }
        return new ExportResult(recorded.bundle(), file, recorded.moved().moved().size(), plan.warnings(),
                plan.leftOver(), recorded.moved().skipped().size(), qr, plan.notNeeded(), swept);
    }

    /** Refuses a stick that carries lab-only files (names, addresses, or a MAK in clear). */
    public static void checkTransferStick(Path stick) throws ExportRefusedException, IOException {
        if (!Files.isDirectory(stick)) {
            throw new ExportRefusedException(stick + " is not a folder: give the stick's root (where AIRLOCK/ goes)");
        }
        Optional<StickLayout.OffTheStick> off = StickLayout.offTheStick(stick, StickLayout.Folder.OUTBOUND);
        if (off.isPresent()) {
            throw new ExportRefusedException(off.get().shown() + "; nothing was exported");
        }
        List<String> found = new ArrayList<>();
        for (StickLayout.Folder folder : StickLayout.LAB_ONLY) {
            long n = fileCount(folder.on(stick));
            if (n > 0) {
                found.add(folder.shown() + " (" + n + (n == 1 ? " file)" : " files)"));
            }
        }
        if (Files.exists(StickLayout.installKey(stick))) {
            found.add(StickLayout.Folder.COLLECTOR.shown() + "/" + StickLayout.INSTALL_KEY + " (a MAK in clear text)");
        }
        if (!found.isEmpty()) {
            throw new ExportRefusedException(stick + " is a lab stick: it holds " + String.join(", ", found)
                    + ", which carry machine names and addresses (or a key) that must never leave the lab. Use a"
                    + " separate, clean transfer stick, or move those files off this one first");
        }
    }

    private static long fileCount(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    /** One count query per MAK (partial key + ePID prefix) so the response brings its remaining count. */
    private static List<CountQuery> countQueries(Map<String, List<Product>> byMak) {
        List<CountQuery> queries = new ArrayList<>();
        for (List<Product> list : byMak.values()) {
            if (queries.size() >= RequestBundle.MAX_QUERIES) {
                break;
            }
            Product p = list.get(0);
            try {
                queries.add(CountQuery.of(p.epid(), PartialProductKey.parse(p.partialKey())));
            } catch (InvalidIdException e) {
                // an unusable stored value only costs the count for this MAK
            }
        }
        return queries;
    }

    private static Map<String, List<Product>> byMak(List<Product> products) {
        Map<String, List<Product>> out = new LinkedHashMap<>();
        for (Product p : products) {
            if (!p.partialKey().isEmpty()) {
                out.computeIfAbsent(p.partialKey().toUpperCase(java.util.Locale.ROOT) + "/" + epidPrefix(p.epid().toString()),
                        k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    /** The first two groups of an ePID (the key's product and group), which tell MAKs apart. */
    static String epidPrefix(String epid) {
        int first = epid.indexOf('-');
        int second = first < 0 ? -1 : epid.indexOf('-', first + 1);
        return second < 0 ? epid : epid.substring(0, second); // as split("-") gave it, without the array per product
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the stick is failing; the caller reports the original error
        }
    }
}
