package dev.airlock.appliance.demo;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.kit.ActivationKit;
import dev.airlock.formats.kit.ActivationKitReader;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultReader;
import dev.airlock.formats.kit.ApplyResultWriter;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.MalformedRecordException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Plays the lab machines' side of Apply for made-up demo machines: for each file of the activation
 * kit on a lab stick ({@code STICK/AIRLOCK/kit/}) it writes the result file the collector's apply
 * mode ({@code Collect.ps1 -Apply}) would write into {@code STICK/AIRLOCK/results/}, as if every CID
 * had been deposited and the machine now reported Licensed. Nothing is activated anywhere.
 *
 * <p>The results are marked as demo ({@link #COLLECTOR_VERSION} as the collector version, and
 * {@link #MESSAGE} on every outcome), and only demo machines are played (host
 * {@code DEMO-LAB-nnnnn} in {@code demo.invalid}, as {@link DemoData} writes them): a real lab's
 * kit is refused, so no real product is ever reported Licensed by a demo.
 */
public final class DemoApply {
    /** The collector version written into demo results: marks them as made up. */
    public static final String COLLECTOR_VERSION = "demo";
    /** The message on every demo outcome. */
    public static final String MESSAGE = "Demo: made up by airlock demo apply; nothing was installed on any machine";

    private static final Pattern DEMO_HOST = Pattern.compile("DEMO-LAB-\\d{5,7}");
    private static final String DEMO_DOMAIN = ".demo.invalid";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_FILES = 100_000;

    private final Clock clock;
    private final Duration after;
    private final CollectorRecordReader records = new CollectorRecordReader();
    private final ApplyResultReader results = new ApplyResultReader(records);
    private final ActivationKitReader kits = new ActivationKitReader();
    private final ApplyResultWriter writer = new ApplyResultWriter();

    /** Results dated now, and at least a minute after each machine's last collection on the stick. */
    public DemoApply(Clock clock) {
        this(clock, Duration.ofMinutes(1));
    }

    /**
     * @param after each result is dated at least this long after the machine's last collection on
     *              the stick (intake ignores a collection older than the one it holds)
     */
    public DemoApply(Clock clock, Duration after) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.after = Objects.requireNonNull(after, "after");
    }

    /** What playing the machines did. */
    public sealed interface Played {
        /**
         * Result files written, one per kit file.
         *
         * @param deposited  products reported deposited and Licensed
         * @param notApplied kit products the machine no longer has with that IID (IID changed, not found)
         * @param idle       demo machines on the stick without a kit file (nothing to apply)
         */
        record Written(Path resultsDir, List<Path> files, int deposited, int notApplied, int idle) implements Played {
            public Written {
                files = List.copyOf(files);
            }
        }

        /** Nothing was written; {@code message} says why and what to do. */
        record Refused(String message) implements Played {}
    }

    /** Writes a result for every kit file on {@code stick}, or nothing at all when one cannot be played. */
    public Played play(Path stick) throws IOException {
        if (!Files.isDirectory(stick)) {
            return new Played.Refused(stick + " is not a folder: give the lab stick's root (e.g. /media/LAB1)");
        }
        Path kitDir = StickLayout.Folder.KIT.on(stick);
        List<Path> kitFiles = xmlFiles(kitDir);
        if (kitFiles.isEmpty()) {
            return new Played.Refused("There is no activation kit on " + stick + " (no files in " + kitDir + "):"
                    + " write it first, in the kiosk (Apply, Write the activation kit) or with"
                    + " ./airlock activation-kit --to " + stick);
        }
        // Step 1: each machine as last collected on the stick (its collected file or a newer result).
        Map<String, CollectorRecord> machines = new HashMap<>();
        for (Path f : xmlFiles(StickLayout.Folder.COLLECTED.on(stick))) {
            readRecord(f).ifPresent(r -> keepNewest(machines, r));
        }
        Path resultsDir = StickLayout.Folder.RESULTS.on(stick);
        for (Path f : xmlFiles(resultsDir)) {
            readResult(f).ifPresent(r -> keepNewest(machines, r.machineRecord()));
        }
        // Step 2: every kit file must be for a demo machine known on the stick; else write nothing.
        List<Planned> plan = new ArrayList<>();
        Set<String> withKit = new HashSet<>();
        for (Path f : kitFiles) {
            ActivationKit kit;
            try {
                if (Files.size(f) > ActivationKitReader.MAX_BYTES) {
                    throw new MalformedRecordException("larger than a kit file can be");
                }
                kit = kits.read(dev.airlock.formats.outside.OutsideFiles.readLimited(f, ActivationKitReader.MAX_BYTES));
            } catch (MalformedRecordException e) {
                return new Played.Refused("The kit file " + f.getFileName() + " cannot be read (" + e.getMessage()
                        + "): write the activation kit again. Nothing was written.");
            }
            CollectorRecord machine = find(machines, kit);
            if (machine == null ? !DEMO_HOST.matcher(kit.hostName()).matches() : !isDemo(machine.machine())) {
                return new Played.Refused("The kit file " + f.getFileName() + " is for " + kit.hostName()
                        + ", which is not a demo machine: demo apply plays only made-up machines (DEMO-LAB-nnnnn in"
                        + " demo.invalid), so no real machine is ever reported Licensed. Run Apply.cmd at the real"
                        + " machine. Nothing was written.");
            }
            if (machine == null) {
                return new Played.Refused("The kit file " + f.getFileName() + " is for " + kit.hostName() + ", but "
                        + stick + " holds no collected file of that machine: demo apply plays the demo machines whose"
                        + " files ./airlock demo wrote onto this stick. Nothing was written.");
            }
            plan.add(new Planned(f.getFileName().toString(), kit, machine));
            withKit.add(key(machine.machine()));
        }
        // Step 3: the result files, each written to a temporary name and renamed, as the collector does.
        List<Path> written = new ArrayList<>();
        int deposited = 0;
        int notApplied = 0;
        for (Planned p : plan) {
            ApplyResult result = result(p);
            for (ApplyResult.Outcome o : result.outcomes()) {
                if (o.result() == ApplyResult.Result.DEPOSITED) {
                    deposited++;
                } else {
                    notApplied++;
                }
            }
            String base = p.kit().fileName();
            Path target = resultsDir.resolve(base.substring(0, base.length() - ".xml".length()) + "_"
                    + NAME_TIME.format(result.applied()) + ".xml");
            AtomicFiles.write(target, writer.write(result));
            written.add(target);
        }
        int idle = (int) machines.values().stream().filter(r -> isDemo(r.machine())).map(r -> key(r.machine()))
                .distinct().filter(k -> !withKit.contains(k)).count();
        return new Played.Written(resultsDir, written, deposited, notApplied, idle);
    }

    /** One kit file and the machine it is for, as last collected. */
    private record Planned(String kitFile, ActivationKit kit, CollectorRecord before) {}

    /** What apply mode would report on this machine: each kit product deposited and Licensed. */
    private ApplyResult result(Planned p) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant floor = p.before().collected().plus(after).truncatedTo(ChronoUnit.SECONDS);
        Instant applied = now.isAfter(floor) ? now : floor;
        List<ApplyResult.Outcome> outcomes = new ArrayList<>();
        List<CollectedProduct> products = new ArrayList<>(p.before().products());
        for (ActivationKit.Product kp : p.kit().products()) {
            int at = -1;
            for (int i = 0; i < products.size(); i++) {
                CollectedProduct cp = products.get(i);
                if (cp.productClass() == kp.productClass() && cp.skuId().equals(kp.skuId())) {
                    at = i;
                }
            }
            if (at < 0) {
                outcomes.add(new ApplyResult.Outcome(kp.skuId(), kp.iid(), ApplyResult.Result.NOT_FOUND,
                        OptionalLong.empty(), Optional.empty(), MESSAGE));
                continue;
            }
            CollectedProduct cp = products.get(at);
            if (!cp.iid().equals(kp.iid())) {
                outcomes.add(new ApplyResult.Outcome(kp.skuId(), kp.iid(), ApplyResult.Result.IID_CHANGED,
                        OptionalLong.empty(), Optional.of(cp.licenseStatus()), MESSAGE));
                continue;
            }
            products.set(at, licensed(cp));
            outcomes.add(new ApplyResult.Outcome(kp.skuId(), kp.iid(), ApplyResult.Result.DEPOSITED, OptionalLong.of(0),
                    Optional.of(LicenseStatus.LICENSED), MESSAGE));
        }
        CollectorRecord again = new CollectorRecord(applied, COLLECTOR_VERSION, p.before().machine(), products);
        return new ApplyResult(applied, COLLECTOR_VERSION, p.kitFile(), outcomes, again);
    }

    /** The product as WMI reports it once its CID is deposited: Licensed, no grace period left. */
    private static CollectedProduct licensed(CollectedProduct p) {
        return new CollectedProduct(p.productClass(), p.skuId(), p.applicationId(), p.name(), p.description(),
                p.partialKey(), p.epid(), p.channel(), LicenseStatus.LICENSED, 0, p.iid());
    }

    /** Whether {@code m} is one of the made-up machines {@link DemoData} writes. */
    public static boolean isDemo(MachineIdentity m) {
        return DEMO_HOST.matcher(m.hostName()).matches()
                && m.fqdn().toLowerCase(Locale.ROOT).endsWith(DEMO_DOMAIN);
    }

    /** The machine a kit file is for: by SMBIOS UUID, else by host name (as Collect.ps1 finds its file). */
    private static CollectorRecord find(Map<String, CollectorRecord> machines, ActivationKit kit) {
        CollectorRecord byUuid = kit.smbiosUuid().isEmpty() ? null
                : machines.get("uuid:" + kit.smbiosUuid().toUpperCase(Locale.ROOT));
        return byUuid != null ? byUuid : machines.get("host:" + kit.hostName().toUpperCase(Locale.ROOT));
    }

    private static void keepNewest(Map<String, CollectorRecord> machines, CollectorRecord r) {
        for (String k : List.of("uuid:" + r.machine().smbiosUuid().toUpperCase(Locale.ROOT),
                "host:" + r.machine().hostName().toUpperCase(Locale.ROOT))) {
            if (k.equals("uuid:")) {
                continue;
            }
            CollectorRecord had = machines.get(k);
            if (had == null || r.collected().isAfter(had.collected())) {
                machines.put(k, r);
            }
        }
    }

    private static String key(MachineIdentity m) {
        return m.hostName().toUpperCase(Locale.ROOT) + "_" + m.smbiosUuid().toUpperCase(Locale.ROOT);
    }

    private Optional<CollectorRecord> readRecord(Path f) throws IOException {
        try {
            return Optional.of(records.read(f));
        } catch (MalformedRecordException e) {
            return Optional.empty(); // not a record the demo can play from; intake explains such files
        }
    }

    private Optional<ApplyResult> readResult(Path f) throws IOException {
        try {
            return Optional.of(results.read(CollectorRecordReader.readFileBytes(f)));
        } catch (MalformedRecordException e) {
            return Optional.empty();
        }
    }

    /** Complete {@code *.xml} regular files directly in {@code dir} (no links, no temp files), by name. */
    private static List<Path> xmlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".xml") && !n.startsWith(".") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            }).sorted().limit(MAX_FILES).toList();
        }
    }
}
