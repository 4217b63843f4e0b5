package dev.airlock.appliance.demo;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Writes collector record files for made-up lab machines, exactly as the collector kit would:
 * {@code DIR/AIRLOCK/collected/DEMO-LAB-00001_<uuid>.xml}. Host names, domains (.invalid),
 * addresses (RFC 5737 / 3849 documentation ranges), MACs and serials are obviously fake; the
 * same seed gives the same files. Made-up IIDs pass the group check ({@link GroupCheck}), so a
 * demo IID typed in by hand is not flagged.
 */
public final class DemoData {
    /**
     * A demo product line: what WMI would report for it. SKU IDs here are illustrative.
     * {@code mak} is the made-up MAK's part of the ePID (platform, key group, key serial): every
     * demo machine of the line was installed from that one MAK, so their ePIDs
     * ({@code mak-03-1033-build.0000-DDDYYYY}) differ only in the install date, as in a real lab.
     */
    private record Line(String sku, ApplicationId app, ProductClass cls, String name, String description,
            int iidGroup, String build, String mak) {
        /** The ePID of a machine of this line installed on day {@code dayOfYear} of {@code year}. */
        String epid(int dayOfYear, int year) {
            return String.format(Locale.ROOT, "%s-03-1033-%s.0000-%03d%04d", mak, build, dayOfYear, year);
        }

        /** The last 5 characters of the line's (made-up) MAK: the same on every machine, as in a real lab. */
        String partialKey() {
            SplittableRandom fromMak = new SplittableRandom(mak.hashCode());
            StringBuilder s = new StringBuilder(5);
            for (int i = 0; i < 5; i++) {
                s.append(KEY_CHARS.charAt(fromMak.nextInt(KEY_CHARS.length())));
            }
            return s.toString();
        }
    }

    private static final Line WIN11 = new Line("73111121-5638-40f6-bc11-f1d7b0d64300", ApplicationId.WINDOWS,
            ProductClass.SOFTWARE_LICENSING_PRODUCT, "Windows(R), Enterprise edition",
            "Windows(R) Operating System, VOLUME_MAK channel", 7, "22631", "03612-04431-812-402755");
    private static final Line WIN10_LTSC = new Line("ed655016-a9e8-4434-95d9-4345352c2552", ApplicationId.WINDOWS,
            ProductClass.SOFTWARE_LICENSING_PRODUCT, "Windows(R), EnterpriseS edition",
            "Windows(R) Operating System, VOLUME_MAK channel", 7, "19044", "03612-04219-563-170384");
    private static final Line OFFICE_2021 = new Line("fbdb3e18-a8ef-4fb3-9183-dffd60bd0984", ApplicationId.OFFICE,
            ProductClass.SOFTWARE_LICENSING_PRODUCT, "Office 21, Office21ProPlus2021VL_MAK_AE edition",
            "Office 21, VOLUME_MAK channel", 7, "16000", "06401-02875-304-928116");
    private static final Line WIN7 = new Line("ae2ee509-1b34-41c0-acb7-6d4650168915", ApplicationId.WINDOWS,
            ProductClass.SOFTWARE_LICENSING_PRODUCT, "Windows(R) 7, Enterprise edition",
            "Windows Operating System - Windows(R) 7, VOLUME_MAK channel", 6, "7600", "00371-00194-427-650931");
    private static final Line OFFICE_2010 = new Line("6f327760-8c5c-417c-9b61-836a98287e0c",
            ApplicationId.OFFICE_2010, ProductClass.OFFICE_SOFTWARE_PROTECTION_PRODUCT,
            "Office 14, OfficeProPlus-MAK edition", "Office 14, VOLUME_MAK channel", 6, "9600",
            "05426-00735-216-083402");
    private static final String KEY_CHARS = "BCDFGHJKMPQRTVWXY2346789";

    private final CollectorRecordWriter writer = new CollectorRecordWriter();
    private final Clock clock;

    public DemoData(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes {@code machines} record files under {@code dir/AIRLOCK/collected}.
     *
     * @param progress called with the number of files written so far
     * @return the folder the files went to
     */
    public Path write(int machines, Path dir, long seed, IntConsumer progress) throws IOException {
        return write(machines, 1, dir, seed, progress);
    }

    /** As {@link #write(int, Path, long, IntConsumer)}, numbering hosts from {@code first}. */
    public Path write(int machines, int first, Path dir, long seed, IntConsumer progress) throws IOException {
        if (machines < 1 || machines > 1_000_000 || first < 1) {
            throw new IllegalArgumentException("--machines must be between 1 and 1000000, not " + machines);
        }
        Path out = StickLayout.Folder.COLLECTED.on(dir);
        SplittableRandom random = new SplittableRandom(seed);
        Instant base = clock.instant();
        for (int i = first; i < first + machines; i++) {
            CollectorRecord record = record(i, random, base.minus(Duration.ofMinutes(first + machines - i)));
            String name = record.machine().hostName() + "_" + record.machine().smbiosUuid() + ".xml";
            AtomicFiles.write(out.resolve(name), writer.write(record), false);
            progress.accept(i - first + 1);
        }
        return out;
    }

    /** One made-up machine; {@code n} numbers it. */
    CollectorRecord record(int n, SplittableRandom r, Instant collected) {
        String host = String.format(Locale.ROOT, "DEMO-LAB-%05d", n);
        String uuid = uuid(r);
        int dice = r.nextInt(100);
        List<Line> lines = new ArrayList<>();
        String caption;
        String version;
        if (dice < 80) {
            lines.add(WIN11);
            caption = "Microsoft Windows 11 Enterprise";
            version = "10.0.22631";
            if (r.nextInt(100) < 60) {
                lines.add(OFFICE_2021);
            }
        } else if (dice < 95) {
            lines.add(WIN10_LTSC);
            caption = "Microsoft Windows 10 Enterprise LTSC";
            version = "10.0.19044";
        } else {
            lines.add(WIN7);
            caption = "Microsoft Windows 7 Enterprise";
            version = "6.1.7601";
            lines.add(OFFICE_2010);
        }
        MachineIdentity machine = new MachineIdentity(host, "DEMO", true,
                host.toLowerCase(Locale.ROOT) + ".demo.invalid", uuid, String.format(Locale.ROOT, "DEMO-SN-%06d", n),
                caption, version, version.substring(version.lastIndexOf('.') + 1),
                List.of("192.0.2." + (1 + n % 254), "2001:db8::" + Integer.toHexString(n)),
                List.of(String.format(Locale.ROOT, "02:00:5E:%02X:%02X:%02X", (n >> 16) & 0xff, (n >> 8) & 0xff,
                        n & 0xff)));
        List<CollectedProduct> products = new ArrayList<>();
        for (Line line : lines) {
            products.add(product(line, r));
        }
        return new CollectorRecord(collected, "1.0.0", machine, products);
    }

    private static CollectedProduct product(Line line, SplittableRandom r) {
        boolean grace = r.nextInt(100) < 70;
        try {
            return new CollectedProduct(line.cls(), SkuId.parse(line.sku()), line.app(), line.name(),
                    line.description(), PartialProductKey.parse(line.partialKey()), ExtendedProductId.parse(epid(line, r)),
                    "Volume:MAK", grace ? LicenseStatus.OOB_GRACE : LicenseStatus.NOTIFICATION,
                    grace ? 1 + r.nextInt(43_200) : 0, InstallationId.parse(iidDigits(r, line.iidGroup())));
        } catch (InvalidIdException e) {
            throw new IllegalStateException("demo ids are well-formed", e);
        }
    }

    /** The line's MAK ePID with a drawn install date (day 1-365 of 2020-2026): only the date varies. */
    private static String epid(Line line, SplittableRandom r) {
        return line.epid(1 + r.nextInt(365), 2020 + r.nextInt(7));
    }

    /** 9 drawn groups of {@code size} digits, each ending in its group check digit as a real IID's do. */
    private static String iidDigits(SplittableRandom r, int size) {
        return GroupCheck.withCheckDigits(digits(r, 9 * size), size);
    }

    private static String digits(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    private static String uuid(SplittableRandom r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString().toUpperCase(Locale.ROOT);
    }
}
