package dev.airlock.tests.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.tests.Await;
import dev.airlock.tests.netns.NetNamespace;
import dev.airlock.tests.netns.SocketWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk opens no socket beyond loopback: started as {@code ./airlock kiosk} starts it, inside a
 * fresh network namespace that also has a non-loopback address, under strace, with the namespace's
 * socket tables sampled while a real chromium (in a namespace of its own, driven by Playwright over
 * its pipe, reaching the kiosk through a unix-socket relay) sets the appliance up, creates the
 * first supervisor and opens every screen.
 */
class NoNetworkKioskTest {
    private static final int PORT = 8080;
    private static final List<String> SCREENS = List.of("machines", "collect", "export", "import", "apply", "reimage",
            "supervisor", "gateway", "");

    @TempDir
    Path tmp;

    @Test
    void kiosk_withABrowserThroughEveryScreen_listensOnLoopbackOnly_andConnectsNowhere() throws Exception {
        var why = NetNamespace.unavailable();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElseThrow());
        assumeTrue(Files.isExecutable(KioskBrowser.CHROMIUM), "skipped: no chromium at " + KioskBrowser.CHROMIUM);
        assumeTrue(which("socat"), "skipped: socat is missing");
        Path sock = tmp.resolve("kiosk.sock");
        List<Process> relays = new ArrayList<>();
        try (NetNamespace ns = NetNamespace.create(); NetNamespace browserNs = NetNamespace.create()) {
            String interfaces = ns.interfaces();
            assertThat(interfaces).contains(NetNamespace.ADDRESS);
            Path media = Files.createDirectories(tmp.resolve("media"));
            KioskProcess.Options o = KioskProcess.Options.of(tmp.resolve("data"))
                    .env("AIRLOCK_MEDIA_ROOTS", media.toString());
            Map<String, String> env = new HashMap<>(o.env());
            env.put("MALLOC_ARENA_MAX", "2");
            SocketWatch kiosk = SocketWatch.start(ns, KioskProcess.command(o, PORT), env, "", Set.of(),
                    tmp.resolve("watch"));
            SocketWatch.Result r;
            try {
                Await.until("the kiosk answers on 127.0.0.1:" + PORT + " in the namespace", Duration.ofSeconds(240),
                        () -> answers(ns) || !kiosk.alive());
                assertThat(kiosk.alive()).as("the kiosk is running").isTrue();
                // The browser is a test tool, not the appliance: it runs in a namespace of its own (left to
                // itself chromium probes DNS and IPv6 reachability, which would blur the kiosk's namespace) and
                // reaches the kiosk through a unix socket: socat on 127.0.0.1:8080 there, to socat here that
                // connects to the kiosk on 127.0.0.1:8080. The kiosk's namespace holds only loopback and unix sockets.
                relays.add(new ProcessBuilder(ns.inside(List.of("socat", "UNIX-LISTEN:" + sock + ",fork",
                        "TCP:127.0.0.1:" + PORT))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start());
                relays.add(new ProcessBuilder(browserNs.inside(List.of("socat", "TCP-LISTEN:" + PORT
                        + ",bind=127.0.0.1,fork,reuseaddr", "UNIX-CONNECT:" + sock))).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                Await.until("the relay answers in the browser's namespace", Duration.ofSeconds(30),
                        () -> answers(browserNs));
                Path chromium = tmp.resolve("chromium-in-namespace");
                Files.writeString(chromium, "#!/bin/sh\nexec nsenter --target " + browserNs.pid() + " --net -- "
                        + KioskBrowser.CHROMIUM + " \"$@\"\n");
                Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwx------"));
                try (KioskBrowser b = openBrowser(chromium)) {
                    String base = "http://127.0.0.1:" + PORT + "/";
                    b.go(base);
                    SetupPage setup = new SetupPage(b);
                    setup.create(true, "Lab 3 kiosk", Kiosk.PASSPHRASE);
                    setup.continueToSignIn();
                    new SignInPage(b).createFirstSupervisor(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
                    for (String screen : SCREENS) {
                        b.go(base + screen);
                        b.screenshot(screen.isEmpty() ? "home" : screen);
                    }
                }
                assertThat(kiosk.alive()).as("the kiosk still runs after the journey").isTrue();
            } finally {
                r = kiosk.stop();
                for (Process relay : relays) {
                    relay.destroy();
                    relay.waitFor();
                }
            }
            SocketWatch.Observed seen = r.observed();
            Path report = KioskProcess.ROOT.resolve("tests/target/no-network-kiosk.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, "Interfaces in the namespace:\n" + interfaces + "\n\nkiosk (chromium, from its own"
                    + " namespace, through setup, first supervisor and " + SCREENS.size() + " screens): " + seen.summary()
                    + "\n");
            assertThat(seen.violations()).as(seen.summary() + "\n" + r.all()).isEmpty();
            assertThat(seen.listeners()).as("the kiosk listened, on loopback").isNotEmpty()
                    .allMatch(l -> l.contains(" 127.0.0.1:") || l.contains(" [::1]:"));
            assertThat(seen.kernelSamples()).isGreaterThan(100);
        }
    }

    /**
     * Playwright writes its node driver to a temp file and runs it: an {@code ss} the sampler forks at
     * that moment briefly holds the file open, and the exec fails with "Text file busy". Tried again.
     */
    private KioskBrowser openBrowser(Path chromium) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return KioskBrowser.open("no-network", tmp.resolve("profiles"), 1280, 800, chromium);
            } catch (com.microsoft.playwright.PlaywrightException e) {
                boolean busy = e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("Text file busy");
                if (!busy || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static boolean which(String tool) {
        return java.util.stream.Stream.of("/usr/bin/", "/bin/", "/usr/local/bin/").anyMatch(d -> Files.isExecutable(Path.of(d + tool)));
    }

    private static boolean answers(NetNamespace ns) throws InterruptedException {
        try {
            return ns.exec("curl", "-s", "-o", "/dev/null", "-m", "5", "-w", "%{http_code}",
                    "http://127.0.0.1:" + PORT + "/").strip().equals("200");
        } catch (IOException notYet) {
            return false;
        }
    }
}
