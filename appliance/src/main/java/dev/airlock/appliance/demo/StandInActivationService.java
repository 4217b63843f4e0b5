package dev.airlock.appliance.demo;

import dev.airlock.appliance.demo.StandInHttp.Reply;
import dev.airlock.appliance.demo.StandInSoap.Asked;
import dev.airlock.appliance.demo.StandInSoap.Refused;
import dev.airlock.formats.ids.GroupCheck;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Microsoft's BatchActivation service on 127.0.0.1, for trying the round trip
 * without Microsoft ({@code ./airlock stand-in}) and for tests: checks method,
 * path, SOAPAction, content type, namespaces, Base64, UTF-16LE and the HMAC digest exactly, and
 * answers like the real service (ResponseXml holding an escaped document that declares
 * encoding="utf-16"). CIDs are made up, derived from the IID's digits (so tests know them in
 * advance): they activate nothing.
 * Behaviours can be switched: error codes per IID, remaining counts, HTTP 500, malformed XML,
 * silence, an answer broken off, a connection closed without an answer ({@link Mode}); and how it
 * treats connections, as networks do ({@link Network}): HTTP/1.1 keep-alive, closing after each
 * answer without saying so, closing idle connections, slow answers. HTTP/1.1 is spoken on plain
 * sockets here (not a library server) so that each of these is exact: {@link StandInHttp} serves
 * the connections, {@link StandInSoap} checks and writes the SOAP wire, {@link StandInFaults}
 * holds the fault modes. Each connection is served on a thread of its own, so calls on several
 * connections are answered at once; an optional per-call {@link #latency} makes each answer wait
 * as a real service's does.
 */
public class StandInActivationService implements AutoCloseable {
    /** Path of the real service. */
    public static final String PATH = "/BatchActivation/BatchActivation.asmx";
    /** The default key Microsoft's published client embeds (gateway.digest-key's default). */
    public static final byte[] KEY = HexFormat.of().parseHex("fe319875fb4884869cf3f1ce99a89064ab571fca470450583024e214628779a0"
            + "0000000000000000000000000000000000000000000000000000000000000000");

    /** What to do with the next calls. */
    public enum Mode {
        ANSWER, HTTP_500, MALFORMED, SILENT,
        /** Sends the status line, headers and half the body, then closes: the request was processed. */
        BREAK_MID_ANSWER,
        /** Reads the whole request (it counts as asked), then closes without a byte of answer. */
        CLOSE_WITHOUT_ANSWER
    }

    /** How connections are treated, as real services and proxies do. */
    public enum Network {
        /** HTTP/1.1 persistent connections, kept open until the client closes them. */
        KEEP_ALIVE("keep-alive"),
        /** Closes the connection after each answer without announcing it (HTTP/1.0 style, as some proxies do). */
        CLOSE_AFTER_ANSWER("close-after-answer"),
        /**
         * Keeps connections alive but closes one that waits longer than {@link StandInActivationService#idleTimeout} (20 ms by
         * default) for its next request.
         */
        CLOSE_WHILE_IDLE("close-while-idle"),
        /** Answers late and in pieces: first byte after {@link StandInActivationService#slowPiece}, then each of 4 pieces after another. */
        SLOW_ANSWER("slow-answer");

        private final String word;

        Network(String word) {
            this.word = word;
        }

        /** Its name on the command line. */
        public String word() {
            return word;
        }
    }

    private final StandInHttp http;
    private final StandInFaults faults = new StandInFaults();
    private final Map<String, Integer> errorByIid = new ConcurrentHashMap<>();
    private final Map<String, Long> remainingByPid = new ConcurrentHashMap<>();
    private volatile long remainingOtherwise;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<String> spent = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration spread = Duration.ZERO;
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** Listens on 127.0.0.1:{@code port} (0: a free port). */
    protected StandInActivationService(int port) throws IOException {
        http = new StandInHttp(port, this::exchange);
    }

    /** Starts a stand-in on loopback {@code port} (0: a free port). */
    public static StandInActivationService start(int port) throws IOException {
        return new StandInActivationService(port);
    }

    /** The URL to configure as gateway.endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.port() + PATH);
    }

    /** Treat connections as {@code network} from now on. */
    public void network(Network network) {
        http.network(network);
    }

    /** {@link Network#CLOSE_WHILE_IDLE}: how long a connection may wait for its next request. */
    public void idleTimeout(Duration idle) {
        http.idleTimeout(idle);
    }

    /** {@link Network#SLOW_ANSWER}: the pause before the first byte and between the answer's pieces. */
    public void slowPiece(Duration piece) {
        http.slowPiece(piece);
    }

    /** Wait {@code latency} before answering each well-formed call (as a service far away does); zero: none. */
    public void latency(Duration latency) {
        this.latency = latency.isNegative() ? Duration.ZERO : latency;
    }

    /**
     * Wait up to {@code spread} more per call, an amount derived from what is asked (the same call
     * always waits as long), so calls sent in one order are answered in another.
     */
    public void latencySpread(Duration spread) {
        this.spread = spread.isNegative() ? Duration.ZERO : spread;
    }

    /** The most well-formed calls it was answering at the same moment so far. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return http.connections();
    }

    /** Kept-alive connections it closed for waiting longer than the idle time-out. */
    public int closedIdle() {
        return http.closedIdle();
    }

    /** Behave as {@code mode} for the next {@code calls} calls, then answer normally again. */
    public void behave(Mode mode, int calls) {
        faults.behave(mode, calls);
    }

    /** Answer the next {@code answers} calls normally, then behave as {@code mode} for {@code calls} calls. */
    public void behaveAfter(int answers, Mode mode, int calls) {
        faults.behaveAfter(answers, mode, calls);
    }

    /** Answer {@code code} (e.g. 0x7F) for this IID. */
    public void errorFor(String iidDigits, int code) {
        errorByIid.put(iidDigits, code);
    }

    /** Answer {@code remaining} to count requests for ePIDs not set with {@link #remainingFor} (default 0). */
    public void remainingOtherwise(long remaining) {
        this.remainingOtherwise = remaining;
    }

    /** Answer {@code remaining} to a count request for this ePID. */
    public void remainingFor(String pid, long remaining) {
        remainingByPid.put(pid, remaining);
    }

    /** Every well-formed request received: "1:IID" or "2:PID", in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** IIDs a CID was sent back for (each an activation spent), in order. */
    public List<String> spent() {
        return List.copyOf(spent);
    }

    /** Why requests were rejected (empty when all were exactly right). */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /**
     * The deterministic CID for an IID: 48 digits derived from SHA-256 of its digits, each group
     * ending in its check digit ({@link GroupCheck}) like a real CID's.
     */
    public static String cidFor(String iidDigits) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(iidDigits.getBytes(StandardCharsets.US_ASCII));
            String d = new BigInteger(1, h).mod(BigInteger.TEN.pow(48)).toString();
            return GroupCheck.withCheckDigits("0".repeat(48 - d.length()) + d, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** The body of a CID answer for this ePID and IID, exactly as {@link #start started} stand-ins send it. */
    public static byte[] cidAnswer(String pid, String iidDigits) {
        return StandInSoap.activationAnswer(pid, "<CID>" + cidFor(iidDigits) + "</CID>");
    }

    /** Answers one whole request: a SOAP fault if it is not exactly right, else as the fault modes say. */
    private Reply exchange(String method, String target, Map<String, String> headers, byte[] body) {
        StandInSoap.Checked checked = StandInSoap.check(method, target, headers, body);
        if (checked instanceof Refused refused) {
            rejections.add(refused.problem());
            return new Reply.Send(500, StandInSoap.fault(refused.problem()), false);
        }
        Asked request = (Asked) checked;
        asked.add(request.word());
        int now = answering.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            long extra = spread.toMillis();
            long wait = latency.toMillis() + (extra > 0 ? Math.floorMod(request.word().hashCode() * 31L, extra + 1) : 0);
            if (wait > 0) {
                Thread.sleep(wait);
            }
            return faults.reply(() -> answer(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Close(); // stopping: the connection closes without an answer
        } finally {
            answering.decrementAndGet();
        }
    }

    private byte[] answer(Asked r) {
        if ("1".equals(r.type())) {
            Integer error = errorByIid.get(r.iid());
            String payload = error != null ? "<ErrorCode>0x" + Integer.toHexString(error).toUpperCase() + "</ErrorCode>"
                    : "<CID>" + cidFor(r.iid()) + "</CID>";
            if (error == null) {
                spent.add(r.iid());
            }
            return StandInSoap.activationAnswer(r.pid(), payload);
        }
        return StandInSoap.remainingAnswer(r.pid(), remainingByPid.getOrDefault(r.pid(), remainingOtherwise));
    }
}
