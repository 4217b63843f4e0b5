package dev.airlock.tests.kiosk;

import dev.airlock.tests.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One journey's world: a work dir (data dir, a media root standing in for /media), the real
 * kiosk process and a fresh chromium. One per journey class; close it in {@code @AfterAll}.
 */
final class Kiosk implements AutoCloseable {
    static final String PASSPHRASE = "journey test passphrase";
    static final String SUPERVISOR = "Sam Supervisor";
    static final String SUPERVISOR_PIN = "246810";
    static final Path LOGS = KioskProcess.ROOT.resolve("tests/target/kiosk-logs");

    final String journey;
    final Path dir;
    final Path data;
    final Path media;
    KioskProcess process;
    final KioskBrowser browser;

    private Kiosk(String journey, Path dir, KioskProcess process, KioskBrowser browser) {
        this.journey = journey;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.media = dir.resolve("media");
        this.process = process;
        this.browser = browser;
    }

    /** Starts the kiosk (fat jar, media root {@code <dir>/media}) and a 1280x800 browser. */
    static Kiosk start(String journey, UnaryOperator<KioskProcess.Options> tweak) throws Exception {
        return start(journey, tweak, 1280, 800);
    }

    static Kiosk start(String journey, UnaryOperator<KioskProcess.Options> tweak, int width, int height)
            throws Exception {
        return start(journey, tweak, width, height, dir -> { });
    }

    /** What a journey prepares in its work dir before the kiosk starts (CLI set-up, sticks). */
    interface Prepare {
        void in(Path dir) throws Exception;
    }

    static Kiosk start(String journey, UnaryOperator<KioskProcess.Options> tweak, Prepare prepare) throws Exception {
        return start(journey, tweak, 1280, 800, prepare);
    }

    static Kiosk start(String journey, UnaryOperator<KioskProcess.Options> tweak, int width, int height,
            Prepare prepare) throws Exception {
        Path dir = Files.createTempDirectory("kiosk-" + journey + "-");
        Files.createDirectories(dir.resolve("media"));
        prepare.in(dir);
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(journey + ".log");
        Files.deleteIfExists(log);
        KioskProcess.Options o = tweak.apply(KioskProcess.Options.of(dir.resolve("data"))
                .env("AIRLOCK_MEDIA_ROOTS", dir.resolve("media").toString()));
        KioskProcess p = KioskProcess.start(o, log);
        KioskBrowser b;
        try {
            b = KioskBrowser.open(journey, dir.resolve("profiles"), width, height);
        } catch (RuntimeException | IOException e) {
            p.close();
            throw e;
        }
        return new Kiosk(journey, dir, p, b);
    }

    String url(String path) {
        return process.base() + path;
    }

    /** Opens the kiosk's start page. */
    void open() {
        browser.go(process.base());
    }

    /** First run through the browser: setup, fingerprint, first supervisor; returns home. */
    HomePage setUp(boolean lab, String name) {
        open();
        SetupPage setup = new SetupPage(browser);
        setup.create(lab, name, PASSPHRASE);
        setup.continueToSignIn();
        return new SignInPage(browser).createFirstSupervisor(SUPERVISOR, SUPERVISOR_PIN);
    }

    /** A kiosk on a store the CLI set up: unlock with the passphrase, create the first supervisor. */
    HomePage unlockAndFirstSupervisor() {
        open();
        return new UnlockPage(browser).unlockFirst(PASSPHRASE).createFirstSupervisor(SUPERVISOR, SUPERVISOR_PIN);
    }

    /**
     * Pulls {@code stick} out and plugs it back in: it goes back in once the kiosk's stick watcher
     * has seen it leave (its journal says so), and this returns once the watcher has seen it back.
     */
    void replug(VfatStick stick) throws Exception {
        String gone = "stick removed from " + stick.mount;
        String back = "stick inserted at " + stick.mount;
        long goneBefore = process.logLines(gone);
        long backBefore = process.logLines(back);
        boolean seen = backBefore > goneBefore; // not after the kiosk's own safe eject
        stick.unplug();
        if (seen) {
            Await.until("the kiosk to see " + stick.mount.getFileName() + " leave", Duration.ofSeconds(30),
                    () -> process.logLines(gone) > goneBefore);
        }
        stick.plug();
        Await.until("the kiosk to see " + stick.mount.getFileName() + " back", Duration.ofSeconds(30),
                () -> process.logLines(back) > backBefore);
    }

    /** Stops the kiosk process and starts it again on the same port (a reboot: sealed again). */
    void restart() throws IOException, InterruptedException {
        process = process.restart();
    }

    /** Notes the kiosk's RSS now in tests/target/kiosk-rss.txt (the budget: 350 MB after a journey). */
    long recordRss() throws IOException {
        long rss = process.rssMiB();
        Files.writeString(LOGS.resolve("rss.txt"), journey + " " + process.options().mode() + " RSS " + rss + " MiB\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.println("[" + journey + "] kiosk RSS after the journey: " + rss + " MiB");
        return rss;
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            process.close();
            try {
                KioskProcess.deleteTree(dir);
            } catch (IOException stillMounted) {
                // a stick image still mounted: left for the OS to clean
            }
        }
    }
}
