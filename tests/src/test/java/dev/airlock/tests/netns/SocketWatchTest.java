package dev.airlock.tests.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch sees what it guards against: a wildcard listener and a connect beyond loopback fail it, loopback does not. */
class SocketWatchTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private NetNamespace ns;

    @BeforeEach
    void namespace() throws Exception {
        var why = NetNamespace.unavailable();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElseThrow());
        assumeTrue(NetNamespace.which("socat").isPresent(), "skipped: socat is missing");
        ns = NetNamespace.create();
    }

    @AfterEach
    void close() throws Exception {
        if (ns != null) {
            ns.close();
        }
    }

    private SocketWatch.Result run(String... cmd) throws Exception {
        return SocketWatch.run(ns, List.of(cmd), Map.of(), "", Set.of(), tmp, LIMIT);
    }

    @Test
    void listenerOnTheWildcard_isCaught_byStraceAndTheTables() throws Exception {
        SocketWatch.Result r = run("timeout", "1", "socat", "TCP-LISTEN:5000,reuseaddr", "-");
        assertThat(r.observed().violations()).anyMatch(v -> v.startsWith("strace: bind to 0.0.0.0:5000"))
                .anyMatch(v -> v.startsWith("listens beyond loopback: tcp LISTEN 0.0.0.0:5000"))
                .anyMatch(v -> v.startsWith("listens beyond loopback (ss): tcp"));
    }

    @Test
    void listenerOnTheInterfaceAddress_isCaught() throws Exception {
        SocketWatch.Result r = run("timeout", "1", "socat", "-u", "UDP-RECV:5001,bind=" + NetNamespace.ADDRESS, "-");
        assertThat(r.observed().violations()).anyMatch(v -> v.startsWith("strace: bind to " + NetNamespace.ADDRESS))
                .anyMatch(v -> v.startsWith("listens beyond loopback: udp"));
    }

    @Test
    void connectBeyondLoopback_isCaught_evenWhenItNeverCompletes() throws Exception {
        SocketWatch.Result r = run("timeout", "1", "bash", "-c", "exec 3<>/dev/tcp/192.0.2.99/80");
        assertThat(r.observed().violations()).anyMatch(v -> v.startsWith("strace: connect to 192.0.2.99:80"));
    }

    @Test
    void loopbackOnly_passes_andIsCounted() throws Exception {
        SocketWatch.Result r = run("timeout", "1", "socat", "TCP-LISTEN:5002,bind=127.0.0.1,reuseaddr", "-");
        assertThat(r.observed().violations()).isEmpty();
        assertThat(r.observed().listeners()).contains("tcp 127.0.0.1:5002");
        assertThat(r.observed().trace().binds()).isEqualTo(1);
        assertThat(r.observed().kernelSamples()).isGreaterThan(1);
    }
}
