package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.demo.StandInActivationService.Network;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client over TLS (a certificate made with openssl, trusted through gateway.ca-bundle) and
 * through an HTTP proxy's CONNECT tunnel with Basic credentials, in front of the stand-in.
 */
class BatchActivationTlsProxyTest {
    static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";

    @TempDir
    Path tmp;

    StandInBatchActivation service;
    ServerSocket tlsFront;
    ServerSocket proxy;
    Path cert;
    final List<Duration> slept = new ArrayList<>();
    final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        service = StandInBatchActivation.start();
        service.remainingOtherwise(9);
        cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        Path p12 = tmp.resolve("ks.p12");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        run("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                "-passout", "pass:test");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "test".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "test".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        tlsFront = ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ((SSLServerSocket) tlsFront).setUseClientMode(false);
        daemon(() -> acceptRelaying(tlsFront, new InetSocketAddress("127.0.0.1", service.endpoint().getPort())));
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        tlsFront.close();
        if (proxy != null) {
            proxy.close();
        }
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
    }

    private void track(Socket s) {
        synchronized (sockets) {
            sockets.add(s);
        }
    }

    /** Accepts connections on {@code server} and relays each to {@code target}, both ways. */
    private void acceptRelaying(ServerSocket server, InetSocketAddress target) {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                track(in);
                daemon(() -> {
                    try {
                        Socket out = new Socket();
                        track(out);
                        out.connect(target);
                        relay(in, out);
                    } catch (IOException e) {
                        closeQuietly(in);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(Socket a, Socket b) {
        daemon(() -> pump(b, a));
        pump(a, b);
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** An HTTP proxy that only opens CONNECT tunnels, and only with Basic credentials user:secret. */
    private URI startConnectProxy() throws IOException {
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String expected = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
        daemon(() -> {
            while (!proxy.isClosed()) {
                try {
                    Socket c = proxy.accept();
                    track(c);
                    daemon(() -> tunnel(c, expected));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + proxy.getLocalPort());
    }

    private void tunnel(Socket c, String expected) {
        try {
            InputStream in = c.getInputStream();
            String requestLine = line(in);
            String auth = null;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                if (h.toLowerCase().startsWith("proxy-authorization:")) {
                    auth = h.substring(h.indexOf(':') + 1).strip();
                }
            }
            OutputStream out = c.getOutputStream();
            String[] parts = requestLine.split(" ");
            if (!"CONNECT".equals(parts[0]) || !expected.equals(auth)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                c.close();
                return;
            }
            int colon = parts[1].lastIndexOf(':');
            Socket up = new Socket();
            track(up);
            up.connect(new InetSocketAddress(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1))));
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            relay(c, up);
        } catch (IOException e) {
            closeQuietly(c);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private BatchActivationConfig config(Optional<InetSocketAddress> via, Optional<String> user,
            Optional<String> password, Optional<Path> ca) {
        URI endpoint = URI.create("https://localhost:" + tlsFront.getLocalPort() + StandInBatchActivation.PATH);
        BatchActivationConfig d = BatchActivationConfig.direct(endpoint, Duration.ofSeconds(5), 2, slept::add);
        return new BatchActivationConfig(endpoint, d.digestKey(), via, user, password, d.connectTimeout(),
                d.readTimeout(), 2, d.backoff(), ca, d.sleeper());
    }

    private static InstallationId iid(int n) throws Exception {
        return InstallationId.parse(String.format("%063d", 3_000_000L + n));
    }

    @Test
    void https_withTheCaBundle_answers_andCountsReuseTheTlsConnection_evenWhenTheServiceClosesIt() throws Exception {
        service.network(Network.CLOSE_AFTER_ANSWER);
        try (BatchActivationClient c = new BatchActivationClient(config(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(cert)))) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.confirmationId(ExtendedProductId.parse(EPID), iid(i))).isInstanceOf(ServiceAnswer.Cid.class);
                assertThat(c.remaining(ExtendedProductId.parse(EPID))).isEqualTo(new ServiceAnswer.Remaining(9));
                assertThat(c.remaining(ExtendedProductId.parse(EPID))).isEqualTo(new ServiceAnswer.Remaining(9));
            }
        }
        assertThat(service.asked().stream().filter(a -> a.startsWith("1:"))).hasSize(5).doesNotHaveDuplicates();
        assertThat(service.asked().stream().filter(a -> a.startsWith("2:"))).hasSize(10);
        assertThat(slept).isEmpty();
    }

    @Test
    void https_withoutTrustingTheCertificate_isNotDelivered_inPlainWords() throws Exception {
        try (BatchActivationClient c = new BatchActivationClient(config(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()))) {
            assertThatThrownBy(() -> c.confirmationId(ExtendedProductId.parse(EPID), iid(1)))
                    .isInstanceOf(BatchActivationClient.NotDelivered.class)
                    .hasMessageStartingWith("TLS with BatchActivation at localhost:" + tlsFront.getLocalPort()
                            + " failed (the service's certificate is not signed by a trusted CA); check"
                            + " gateway.ca-bundle");
        }
        assertThat(service.asked()).isEmpty();
    }

    @Test
    void httpsThroughAProxyTunnel_withBasicCredentials_answers() throws Exception {
        URI p = startConnectProxy();
        try (BatchActivationClient c = new BatchActivationClient(config(
                Optional.of(InetSocketAddress.createUnresolved("127.0.0.1", p.getPort())), Optional.of("user"),
                Optional.of("secret"), Optional.of(cert)))) {
            assertThat(c.confirmationId(ExtendedProductId.parse(EPID), iid(7))).isInstanceOf(ServiceAnswer.Cid.class);
            assertThat(c.remaining(ExtendedProductId.parse(EPID))).isEqualTo(new ServiceAnswer.Remaining(9));
        }
        assertThat(service.asked()).hasSize(2);
    }

    @Test
    void proxyRefusingTheCredentials_isNotDelivered_onceOnly_sayingWhatToCheck() throws Exception {
        URI p = startConnectProxy();
        try (BatchActivationClient c = new BatchActivationClient(config(
                Optional.of(InetSocketAddress.createUnresolved("127.0.0.1", p.getPort())), Optional.of("user"),
                Optional.of("wrong"), Optional.of(cert)))) {
            assertThatThrownBy(() -> c.confirmationId(ExtendedProductId.parse(EPID), iid(8)))
                    .isInstanceOf(BatchActivationClient.NotDelivered.class)
                    .hasMessageStartingWith("HTTP 407 from the proxy: check gateway.proxy-user and "
                            + BatchActivationConfig.PROXY_PASSWORD_ENV);
        }
        assertThat(slept).as("a refusal of the credentials is not retried").isEmpty();
        assertThat(service.asked()).isEmpty();
    }

    @Test
    void httpThroughAForwardProxy_sendsTheAbsoluteUrl_withTheCredentials() throws Exception {
        // the stand-in reads an absolute-form target as a forward proxy passes it on
        URI far = URI.create("http://activation.example.invalid" + StandInBatchActivation.PATH);
        BatchActivationConfig d = BatchActivationConfig.direct(far, Duration.ofSeconds(5), 0, slept::add);
        BatchActivationConfig viaProxy = new BatchActivationConfig(far, d.digestKey(),
                Optional.of(InetSocketAddress.createUnresolved("127.0.0.1", service.endpoint().getPort())),
                Optional.of("user"), Optional.of("secret"), d.connectTimeout(), d.readTimeout(), 0, d.backoff(),
                Optional.empty(), d.sleeper());
        try (BatchActivationClient c = new BatchActivationClient(viaProxy)) {
            assertThat(c.confirmationId(ExtendedProductId.parse(EPID), iid(9))).isInstanceOf(ServiceAnswer.Cid.class);
        }
        assertThat(service.rejections()).isEmpty();
        assertThat(service.asked()).containsExactly("1:" + iid(9).digits());
    }

    @Test
    void gatewayTimeoutFromAProxy_isAnAnswerLost_becauseTheRequestMayHaveBeenPassedOn() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            daemon(() -> {
                try (Socket c = s.accept()) {
                    c.getInputStream().read(new byte[8192]);
                    c.getOutputStream().write("HTTP/1.1 504 Gateway Timeout\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                    BatchActivationTransportTest.untilClientCloses(c);
                } catch (IOException e) {
                    // done
                }
            });
            URI endpoint = URI.create("http://127.0.0.1:" + s.getLocalPort() + StandInBatchActivation.PATH);
            try (BatchActivationClient c = new BatchActivationClient(BatchActivationConfig.direct(endpoint,
                    Duration.ofSeconds(2), 2, slept::add))) {
                assertThatThrownBy(() -> c.confirmationId(ExtendedProductId.parse(EPID), iid(10)))
                        .isInstanceOf(BatchActivationClient.AnswerLost.class)
                        .hasMessageContaining("HTTP 504").hasMessageContaining("may have passed the request on");
            }
            assertThat(slept).isEmpty();
        }
    }
}
