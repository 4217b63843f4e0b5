package dev.airlock.appliance.keys;

import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real SQLite store in a temp dir with the keys services over it, cheap Argon2id parameters, a recording sleeper. */
public final class KeysFixture implements AutoCloseable {
    /** Cheap parameters so tests derive in milliseconds; the default is measured separately. */
    static final KdfParams CHEAP = new KdfParams(1024, 1, 1);
    public static final String PASSPHRASE = "correct horse battery staple";

    final Path dataDir;
    final List<Duration> slept = new ArrayList<>();
    final RecordingRandom random = new RecordingRandom();
    public Store store;
    public AuditService audit;
    public KeyService keys;
    public Enroll trust;
    public MakVault vault;
    Clock clock = Samples.CLOCK;

    /** A lab store without keys yet. */
    public KeysFixture(Path dir) {
        this(dir, dev.airlock.appliance.store.ApplianceInfo.Role.LAB);
    }

    public KeysFixture(Path dir, dev.airlock.appliance.store.ApplianceInfo.Role role) {
        this.dataDir = dir.resolve("data");
        dev.airlock.appliance.Appliance.init(dataDir, role, "Lab 1", Samples.SUPERVISOR, Samples.CLOCK,
                new java.util.SplittableRandom(7)).close();
        reopen();
    }

    /** Closes and opens the store again (as a restart would). */
    public void reopen() {
        if (store != null) {
            store.close();
        }
        store = Store.open(dataDir);
        audit = new AuditService(store, clock);
        keys = new KeyService(store, audit, clock, slept::add, random, CHEAP);
        trust = new Enroll(store, keys, audit, clock);
        vault = new MakVault(store, audit, clock, keys);
    }

    public static Passphrase pass(String text) {
        return Passphrase.of(text);
    }

    /** The store's file bytes: the database and its WAL, as they are on disk now. */
    byte[] diskBytes() throws java.io.IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (String name : new String[] {Store.FILE_NAME, Store.FILE_NAME + "-wal", Store.FILE_NAME + "-journal"}) {
            Path f = dataDir.resolve(name);
            if (Files.exists(f)) {
                all.write(Files.readAllBytes(f));
            }
        }
        return all.toByteArray();
    }

    @Override
    public void close() {
        store.close();
    }

    /** A SecureRandom that remembers every byte array it filled (to find the generated seed). */
    static final class RecordingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        final transient List<byte[]> filled = new ArrayList<>();

        @Override
        public void nextBytes(byte[] bytes) {
            super.nextBytes(bytes);
            filled.add(bytes.clone());
        }
    }
}
