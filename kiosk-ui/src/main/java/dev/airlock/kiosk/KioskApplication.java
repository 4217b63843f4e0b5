package dev.airlock.kiosk;

import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import dev.airlock.appliance.support.DataDirInUseException;
import dev.airlock.appliance.support.DataDirLock;
import dev.airlock.kiosk.core.KioskPaths;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The kiosk: a Spring Boot application serving the Vaadin views on 127.0.0.1 only. Takes the
 * CLI's {@code --data DIR} and {@code --port N} (or AIRLOCK_DATA / SERVER_PORT).
 */
@SpringBootApplication
public class KioskApplication {
    /** What {@code ./airlock kiosk --help} prints; the launcher and this main say the same. */
    static final String USAGE = """
            Usage: airlock kiosk [--data DIR] [--port N]
            Start the touch kiosk: a web UI on http://127.0.0.1:PORT/ (loopback only), for a
            browser on the same machine. It prints the address, then a line with "ready" when it
            answers. Ctrl+C stops it.
              --data DIR   The data dir (default: $AIRLOCK_DATA, else ./data in this checkout).
              --port N     The port (default: $SERVER_PORT, else the kiosk.port setting, else 8080).
              -h, --help   Show this help and start nothing.
            """;

    /** Held for the kiosk's whole life: one data dir, one writer (released by the OS when the process ends). */
    private static DataDirLock dataDirLock;

    public static void main(String[] args) {
        String[] springArgs;
        try {
            springArgs = springArgs(args);
        } catch (HelpRequested h) {
            System.out.print(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("airlock kiosk: " + e.getMessage());
            System.err.println("Try './airlock kiosk --help'.");
            System.exit(2);
            return;
        }
        String[] spring = withPort(springArgs, System.getenv());
        try {
            dataDirLock = holdDataDir(spring, System.getenv());
        } catch (DataDirInUseException e) {
            System.err.println("airlock: " + e.getMessage());
            System.exit(1);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("airlock: " + e.getMessage());
            System.exit(3);
        }
        SpringApplication.run(KioskApplication.class, spring);
    }

    /** Takes the data dir for this kiosk, so no second kiosk or writing command works on it meanwhile. */
    static DataDirLock holdDataDir(String[] springArgs, Map<String, String> env) {
        return DataDirLock.acquire(paths(springArgs, env).dataDir(), "kiosk", Clock.systemUTC());
    }

    /** The data dir the Spring arguments name ({@code --airlock.data=}, the last one wins), else the defaults. */
    private static KioskPaths paths(String[] springArgs, Map<String, String> env) {
        String data = List.of(springArgs).stream().filter(a -> a.startsWith("--airlock.data="))
                .map(a -> a.substring(15)).reduce((a, b) -> b).orElse(null);
        return KioskPaths.resolve(data, env, System.getProperty("airlock.defaultData", ""));
    }

    /**
     * The port: {@code --port}, else {@code SERVER_PORT}, else the {@code kiosk.port} setting of the
     * data dir ({@code airlock.conf} or {@code AIRLOCK_KIOSK_PORT}), else its default 8080.
     */
    static String[] withPort(String[] springArgs, Map<String, String> env) {
        List<String> out = new ArrayList<>(List.of(springArgs));
        boolean given = out.stream().anyMatch(a -> a.startsWith("--server.port="))
                || env.containsKey("SERVER_PORT");
        if (!given) {
            out.add("--server.port=" + Settings.load(paths(springArgs, env).dataDir(), env, Map.of())
                    .value(Setting.KIOSK_PORT));
        }
        return out.toArray(String[]::new);
    }

    /**
     * Maps {@code --data DIR} and {@code --port N} (also {@code --x=y}) onto Spring properties.
     * Spring property options ({@code --logging.level.root=DEBUG}: a dotted name and a value) pass
     * through; anything else is refused, so a mistyped {@code --prot 8081} does not start a kiosk
     * on another port than the one asked for.
     *
     * @throws HelpRequested for {@code -h} or {@code --help}
     * @throws IllegalArgumentException naming the option that is not known or lacks its value
     */
    static String[] springArgs(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new HelpRequested();
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String mapped = switch (name) {
                case "--data" -> "--airlock.data=";
                case "--port" -> "--server.port=";
                default -> null;
            };
            if (mapped == null) {
                if (inline == null || !name.startsWith("--") || !name.contains(".")) {
                    throw new IllegalArgumentException("'" + a + "' is not an option of the kiosk"
                            + " (it takes --data DIR and --port N)");
                }
                out.add(a);
            } else if (inline != null) {
                out.add(mapped + inline);
            } else if (i + 1 < args.length) {
                out.add(mapped + args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return out.toArray(String[]::new);
    }

    /** The address line and the ready line {@code ./airlock kiosk} prints (scripts wait for "ready"). */
    static void printReady(PrintStream out, String url, String dataDir, long startMillis) {
        out.println("Airlock kiosk: " + url + "  (data dir " + dataDir + ")");
        out.printf("Airlock kiosk: ready in %.1f s. Open the address in a browser on this machine; Ctrl+C stops it.%n",
                startMillis / 1000.0);
        out.flush();
    }

    /** {@code -h} or {@code --help} was given: print the usage, start nothing. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
