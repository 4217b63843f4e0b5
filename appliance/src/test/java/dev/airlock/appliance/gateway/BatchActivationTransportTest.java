package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.demo.DroppingProxy;
import dev.airlock.appliance.demo.StandInActivationService.Mode;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BatchActivation client against the stand-in in each way a network treats connections:
 * what is asked again on a new connection (only what provably never left, or spends nothing),
 * and what is reported as possibly processed.
 */
class BatchActivationTransportTest {
    static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";
    static final Pattern CLASS_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|java\\.");

    StandInBatchActivation service;
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        service = StandInBatchActivation.start();
        service.remainingOtherwise(7);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private BatchActivationClient client(URI endpoint, Duration readTimeout) throws GatewayException {
        return new BatchActivationClient(BatchActivationConfig.direct(endpoint, readTimeout, 2, slept::add));
    }

    private BatchActivationClient client() throws GatewayException {
        return client(service.endpoint(), Duration.ofSeconds(5));
    }

    static InstallationId iid(int n) throws Exception {
        return InstallationId.parse(String.format("%063d", 2_000_000L + n));
    }

    static ExtendedProductId epid() throws Exception {
        return ExtendedProductId.parse(EPID);
    }

    private int idleClosedSeen;

    /** Waits until the service has closed one more kept-alive connection for idling (a condition, not a pause). */
    private void untilServiceClosedAnIdleConnection() {
        until(() -> service.closedIdle() > idleClosedSeen, "the service closes the idle connection");
        idleClosedSeen = service.closedIdle();
    }

    private static void until(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }

    /** A hand-written server's last step: hold the connection until the client has closed it. */
    static void untilClientCloses(Socket c) throws IOException {
        c.setSoTimeout(10_000);
        try {
            c.getInputStream().readAllBytes();
        } catch (java.net.SocketTimeoutException e) {
            // the client kept it open: close anyway
        }
    }

    /** CID requests interleaved with count queries, each round after {@code between}; every one must be answered. */
    private void askMany(BatchActivationClient c, int n, Runnable between) throws Exception {
        for (int i = 0; i < n; i++) {
            assertThat(c.confirmationId(epid(), iid(i))).isEqualTo(new ServiceAnswer.Cid(
                    dev.airlock.formats.ids.ConfirmationId.parse(StandInBatchActivation.cidFor(iid(i).digits()))));
            assertThat(c.remaining(epid())).isEqualTo(new ServiceAnswer.Remaining(7));
            assertThat(c.remaining(epid())).isEqualTo(new ServiceAnswer.Remaining(7));
            between.run();
        }
    }

    private void assertNoCidAskedTwice(int expected) {
        List<String> cids = service.asked().stream().filter(a -> a.startsWith("1:")).toList();
        assertThat(new HashSet<>(cids)).as("no IID asked twice: " + cids).hasSize(cids.size());
        assertThat(cids).hasSize(expected);
        assertThat(service.rejections()).isEmpty();
        assertThat(slept).as("no failure needed a retry with backoff").isEmpty();
    }

    @Test
    void keepAlive_countsShareAConnection_andEachCidRequestGetsANewOne() throws Exception {
        service.network(Network.KEEP_ALIVE);
        try (BatchActivationClient c = client()) {
            askMany(c, 10, () -> { });
        }
        assertNoCidAskedTwice(10);
        // 10 CID requests on their own connections; the 20 counts reuse one kept-alive connection
        // per pair (it is opened after each CID request)
        assertThat(service.connections()).isBetween(11, 20);
    }

    @Test
    void closeAfterEachAnswer_unannounced_everyRequestAnswered_noneAskedTwice() throws Exception {
        service.network(Network.CLOSE_AFTER_ANSWER);
        try (BatchActivationClient c = client()) {
            askMany(c, 20, () -> { });
        }
        assertNoCidAskedTwice(20);
        assertThat(service.connections()).isEqualTo(60); // every request found its old connection closed
    }

    @Test
    void closeWhileIdle_aConnectionClosedBetweenRequests_isReplacedBeforeSending() throws Exception {
        service.network(Network.CLOSE_WHILE_IDLE);
        service.idleTimeout(Duration.ofMillis(5));
        try (BatchActivationClient c = client()) {
            for (int i = 0; i < 10; i++) {
                assertThat(c.remaining(epid())).isEqualTo(new ServiceAnswer.Remaining(7));
                untilServiceClosedAnIdleConnection();
            }
            askMany(c, 10, this::untilServiceClosedAnIdleConnection);
        }
        assertNoCidAskedTwice(10);
        assertThat(service.asked().stream().filter(a -> a.startsWith("2:"))).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void slowAnswer_withinTheReadTimeout_isWaitedFor() throws Exception {
        service.network(Network.SLOW_ANSWER);
        service.slowPiece(Duration.ofMillis(40));
        try (BatchActivationClient c = client()) {
            askMany(c, 3, () -> { });
        }
        assertNoCidAskedTwice(3);
    }

    @Test
    void slowAnswer_beyondTheReadTimeout_isAnAnswerLost_namingTheTimeout() throws Exception {
        service.network(Network.SLOW_ANSWER);
        service.slowPiece(Duration.ofMillis(400));
        try (BatchActivationClient c = client(service.endpoint(), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> c.confirmationId(epid(), iid(1)))
                    .isInstanceOf(BatchActivationClient.AnswerLost.class)
                    .hasMessageContaining("stopped arriving within 1 s");
        }
        assertThat(service.asked()).hasSize(1);
    }

    @Test
    void proxyThatDropsConnectionsBetweenRequests_everyRequestAnswered_noneAskedTwice() throws Exception {
        service.network(Network.KEEP_ALIVE);
        try (DroppingProxy proxy = DroppingProxy.inFrontOf(service.endpoint(), Duration.ofMillis(3));
                BatchActivationClient c = client(proxy.endpoint(service.endpoint()), Duration.ofSeconds(5))) {
            int[] seen = {proxy.dropped()};
            askMany(c, 15, () -> { // each round ends when the proxy has dropped the quiet connection
                until(() -> proxy.dropped() > seen[0], "the proxy drops the quiet connection");
                seen[0] = proxy.dropped();
            });
            assertThat(proxy.dropped()).isPositive();
        }
        assertNoCidAskedTwice(15);
    }

    @Test
    void closeMidAnswer_isAnAnswerLost_andTheCidRequestIsNotAskedAgain() throws Exception {
        service.behave(Mode.BREAK_MID_ANSWER, 1);
        try (BatchActivationClient c = client()) {
            assertThatThrownBy(() -> c.confirmationId(epid(), iid(1)))
                    .isInstanceOf(BatchActivationClient.AnswerLost.class)
                    .hasMessageContaining("broke in the middle of the answer")
                    .hasMessageContaining("BatchActivation at 127.0.0.1:")
                    .hasMessageNotContainingAny("Exception", "java.");
        }
        assertThat(service.asked()).containsExactly("1:" + iid(1).digits());
        assertThat(service.spent()).containsExactly(iid(1).digits());
    }

    @Test
    void closedWithoutAByteAfterTheRequestWasSent_isAnAnswerLost_neverARetry_evenOnAKeptAliveConnection()
            throws Exception {
        // Zero bytes of answer prove nothing: this service processed the request (and spent the
        // activation) before it dropped the connection. Asking again would spend it twice.
        service.behaveAfter(1, Mode.CLOSE_WITHOUT_ANSWER, 1);
        try (BatchActivationClient c = client()) {
            c.remaining(epid()); // leaves a kept-alive connection
            assertThatThrownBy(() -> c.confirmationId(epid(), iid(2)))
                    .isInstanceOf(BatchActivationClient.AnswerLost.class)
                    .hasMessageContaining("closed the connection without answering");
        }
        assertThat(service.asked()).containsExactly("2:" + EPID, "1:" + iid(2).digits());
        assertThat(service.spent()).containsExactly(iid(2).digits());
    }

    @Test
    void countQuery_onAKeptAliveConnectionClosedWithoutAByte_isAskedOnceMoreOnANewConnection() throws Exception {
        // a count spends nothing, so the HTTP rule for a repeatable request applies
        service.behaveAfter(1, Mode.CLOSE_WITHOUT_ANSWER, 1);
        try (BatchActivationClient c = client()) {
            c.remaining(epid());
            assertThat(c.remaining(epid())).isEqualTo(new ServiceAnswer.Remaining(7));
        }
        assertThat(service.asked()).containsExactly("2:" + EPID, "2:" + EPID, "2:" + EPID);
        assertThat(slept).isEmpty();
    }

    @Test
    void connectionRefused_isNotDelivered_retriedWithBackoff_andSaysWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port + StandInBatchActivation.PATH);
        try (BatchActivationClient c = client(nowhere, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> c.confirmationId(epid(), iid(1)))
                    .isInstanceOf(BatchActivationClient.NotDelivered.class)
                    .hasMessage("cannot connect to BatchActivation at 127.0.0.1:" + port
                            + " (connection refused) (tried 3 times)");
        }
        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void answerThatIsNotHttp_isAnAnswerLost_inPlainWords() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket c = s.accept()) {
                    InputStream in = c.getInputStream();
                    in.read(new byte[4096]);
                    OutputStream out = c.getOutputStream();
                    out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    untilClientCloses(c);
                } catch (IOException e) {
                    // done
                }
            });
            t.start();
            URI odd = URI.create("http://127.0.0.1:" + s.getLocalPort() + StandInBatchActivation.PATH);
            try (BatchActivationClient c = client(odd, Duration.ofSeconds(2))) {
                assertThatThrownBy(() -> c.confirmationId(epid(), iid(1)))
                        .isInstanceOf(BatchActivationClient.AnswerLost.class)
                        .hasMessage("BatchActivation at 127.0.0.1:" + s.getLocalPort() + " answered something that"
                                + " is not HTTP (the first line is not an HTTP status line)");
            }
            t.join();
        }
    }

    @Test
    void chunkedAnswer_isRead() throws Exception {
        // proxies may re-frame an answer as chunks: the client reads it the same
        byte[] body = StandInBatchActivation.cidAnswer(EPID, iid(3).digits());
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(() -> {
                try (Socket c = s.accept()) {
                    c.getInputStream().read(new byte[8192]);
                    OutputStream out = c.getOutputStream();
                    out.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    int half = body.length / 2;
                    out.write((Integer.toHexString(half) + ";x=y\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, half);
                    out.write(("\r\n" + Integer.toHexString(body.length - half) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body, half, body.length - half);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    untilClientCloses(c);
                } catch (IOException e) {
                    // done
                }
            });
            t.start();
            URI chunky = URI.create("http://127.0.0.1:" + s.getLocalPort() + StandInBatchActivation.PATH);
            try (BatchActivationClient c = client(chunky, Duration.ofSeconds(2))) {
                assertThat(c.confirmationId(epid(), iid(3))).isInstanceOf(ServiceAnswer.Cid.class);
            }
            t.join();
        }
    }

    @Test
    void messages_neverNameAJavaClass() throws Exception {
        List<String> messages = new ArrayList<>();
        for (Mode m : List.of(Mode.BREAK_MID_ANSWER, Mode.CLOSE_WITHOUT_ANSWER, Mode.MALFORMED, Mode.HTTP_500)) {
            service.behave(m, 3);
            try (BatchActivationClient c = client()) {
                c.confirmationId(epid(), iid(9));
            } catch (BatchActivationClient.AnswerLost | BatchActivationClient.NotDelivered e) {
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).hasSize(4).allSatisfy(m -> assertThat(CLASS_NAME.matcher(m).find()).as(m).isFalse());
    }
}
