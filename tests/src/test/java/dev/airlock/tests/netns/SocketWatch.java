package dev.airlock.tests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process run inside a {@link NetNamespace}, watched two ways until it exits:
 * <ul>
 * <li>under {@code strace -f} (bind, connect, listen, sendto, sendmsg, sendmmsg of the whole
 * process tree): every attempt is seen, however short-lived the socket and even when the kernel
 * refuses it, so nothing slips between two samples;</li>
 * <li>the namespace's socket tables sampled in a loop for as long as it runs (the kernel's
 * {@code /proc/PID/net/*} about every 10 ms, {@code ss -tuwxanp} about every 250 ms): what
 * the kernel actually holds, whoever made it, independent of which syscalls strace follows.</li>
 * </ul>
 * Both are judged by {@link Sockets}' rule; endpoints in {@code allowedRemotes} may be connected to.
 */
public final class SocketWatch {
    private static final List<String> STRACE = List.of("strace", "-f", "--seccomp-bpf", "-qq", "-e",
            "trace=bind,connect,listen,sendto,sendmsg,sendmmsg");
    private static final Pattern CALL = Pattern.compile("^(\\d+)\\s+(bind|connect|listen|sendto|sendmsg|sendmmsg)\\((\\d+),(.*)$");
    private static final Pattern FAMILY = Pattern.compile("sa_family=(AF_\\w+)");
    private static final Pattern V4 = Pattern.compile("sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern V6 = Pattern.compile("sin6_port=htons\\((\\d+)\\).*?inet_pton\\(AF_INET6, \"([^\"]+)\"");

    /** What the sampling and the trace saw; {@code violations} empty means the rule held. */
    public record Observed(int kernelSamples, int ssSamples, int maxInetSockets, int maxListening, int maxConnected,
            int maxUnix, int distinctInetSockets, Set<String> listeners, Set<String> remotes, Trace trace,
            List<String> violations) {
        /** One line for a report. */
        public String summary() {
            return kernelSamples + " kernel-table samples, " + ssSamples + " ss samples; at most " + maxInetSockets
                    + " inet sockets at once (" + maxListening + " listening, " + maxConnected + " connected), "
                    + maxUnix + " unix; " + distinctInetSockets + " distinct inet sockets; listening on " + listeners
                    + "; connected to " + remotes + "; " + trace.summary();
        }
    }

    /** The inet calls strace saw. */
    public record Trace(int binds, int connects, int listens, int sends, int unixConnects, Set<String> inetTargets,
            List<String> violations) {
        String summary() {
            return "strace: " + binds + " inet binds, " + listens + " listens, " + connects + " inet connects, " + sends
                    + " inet sends, " + unixConnects + " unix connects; inet addresses " + inetTargets;
        }
    }

    /** A finished run. */
    public record Result(List<String> command, int exit, String out, String err, Observed observed) {
        public String all() {
            return out + err;
        }
    }

    private final NetNamespace ns;
    private final List<String> command;
    private final Set<InetSocketAddress> allowedRemotes;
    private final Path outFile;
    private final Path errFile;
    private final Path traceFile;
    private final Process process;
    private final Thread sampler;
    private volatile boolean stopSampling;
    private final Sampling sampling = new Sampling();

    private SocketWatch(NetNamespace ns, List<String> command, Set<InetSocketAddress> allowedRemotes, Path work,
            Map<String, String> env, String stdin) throws IOException {
        this.ns = ns;
        this.command = List.copyOf(command);
        this.allowedRemotes = Set.copyOf(allowedRemotes);
        Files.createDirectories(work);
        this.outFile = Files.createTempFile(work, "out", ".txt");
        this.errFile = Files.createTempFile(work, "err", ".txt");
        this.traceFile = Files.createTempFile(work, "strace", ".txt");
        Path in = Files.writeString(Files.createTempFile(work, "in", ".txt"), stdin, StandardCharsets.UTF_8);
        List<String> full = new ArrayList<>(STRACE);
        full.addAll(List.of("-o", traceFile.toString(), "--"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(ns.inside(full)).redirectOutput(outFile.toFile())
                .redirectError(errFile.toFile()).redirectInput(in.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.equals("SERVER_PORT")
                || k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        pb.environment().putAll(env);
        this.process = pb.start();
        this.sampler = Thread.ofPlatform().daemon().name("socket-sampler").start(this::sample);
    }

    /** Starts {@code command} inside {@code ns} under strace, its sockets sampled from now until it exits. */
    public static SocketWatch start(NetNamespace ns, List<String> command, Map<String, String> env, String stdin,
            Set<InetSocketAddress> allowedRemotes, Path work) throws IOException {
        return new SocketWatch(ns, command, allowedRemotes, work, env, stdin);
    }

    /** Runs {@code command} to its end (killed as hung after {@code limit}). */
    public static Result run(NetNamespace ns, List<String> command, Map<String, String> env, String stdin,
            Set<InetSocketAddress> allowedRemotes, Path work, Duration limit) throws IOException, InterruptedException {
        return start(ns, command, env, stdin, allowedRemotes, work).await(limit);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What it printed on stdout so far. */
    public String outSoFar() throws IOException {
        return Files.readString(outFile, StandardCharsets.UTF_8);
    }

    /** The listening sockets the sampling has seen so far (a server is stopped only once they show). */
    public Set<String> listenersSoFar() {
        synchronized (sampling) {
            return Set.copyOf(sampling.listeners);
        }
    }

    /** Waits for it to exit by itself, then returns what was seen. */
    public Result await(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new IllegalStateException("hung: no exit within " + limit.toSeconds() + " s: " + command);
        }
        return finish();
    }

    /** Stops it as systemd would (SIGTERM to the traced program, SIGKILL after 20 s), then returns what was seen. */
    public Result stop() throws IOException, InterruptedException {
        for (ProcessHandle child : ProcessHandle.of(process.pid()).map(ProcessHandle::children).orElseThrow().toList()) {
            child.destroy(); // the program under strace: strace itself exits after it
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return finish();
    }

    private Result finish() throws IOException, InterruptedException {
        stopSampling = true;
        sampler.join(TimeUnit.SECONDS.toMillis(30));
        sampling.once(true); // and once more after the exit: what it left behind (TIME_WAIT, a forgotten child)
        Trace trace = trace(Files.readAllLines(traceFile, StandardCharsets.UTF_8), allowedRemotes);
        List<String> violations = new ArrayList<>(sampling.violations);
        violations.addAll(trace.violations());
        Observed o = new Observed(sampling.kernelSamples, sampling.ssSamples, sampling.maxInet, sampling.maxListening,
                sampling.maxConnected, sampling.maxUnix, sampling.inodes.size(), Set.copyOf(sampling.listeners),
                Set.copyOf(sampling.remotes), trace, List.copyOf(violations));
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(outFile);
        Files.deleteIfExists(errFile);
        Files.deleteIfExists(traceFile);
        return new Result(command, process.exitValue(), out, err, o);
    }

    private void sample() {
        long nextSs = 0;
        while (!stopSampling) {
            boolean ss = System.nanoTime() >= nextSs;
            sampling.once(ss);
            if (ss) {
                nextSs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
            }
            if (!process.isAlive()) {
                return;
            }
            try {
                // strace sees every bind and connect however short; the tables need not race it, and a
                // tighter loop only takes the core the command under test needs
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The running tallies of the sampling (written by the sampler thread, read after it ended). */
    private final class Sampling {
        int kernelSamples;
        int ssSamples;
        int maxInet;
        int maxListening;
        int maxConnected;
        int maxUnix;
        final Set<Long> inodes = new HashSet<>();
        final Set<String> listeners = new LinkedHashSet<>();
        final Set<String> remotes = new LinkedHashSet<>();
        final List<String> violations = new ArrayList<>();
        final Set<String> seenViolations = new HashSet<>();

        synchronized void once(boolean withSs) {
            try {
                List<Sockets.Row> rows = Sockets.kernel(ns.pid());
                kernelSamples++;
                int listening = 0;
                int connected = 0;
                for (Sockets.Row r : rows) {
                    inodes.add(r.inode());
                    if (r.listening()) {
                        listening++;
                        listeners.add(r.table() + " " + Sockets.Row.show(r.local()));
                    }
                    if (r.connected()) {
                        connected++;
                        remotes.add(r.table() + " " + Sockets.Row.show(r.remote()));
                    }
                    note(Sockets.violation(r, allowedRemotes));
                }
                maxInet = Math.max(maxInet, rows.size());
                maxListening = Math.max(maxListening, listening);
                maxConnected = Math.max(maxConnected, connected);
                if (withSs) {
                    Process p = new ProcessBuilder(ns.inside(List.of("ss", "-Htuwxanp"))).redirectErrorStream(true).start();
                    List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                            .toList();
                    if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        ssSamples++;
                        int unix = 0;
                        for (String line : lines) {
                            if (line.startsWith("u_")) {
                                unix++;
                            }
                            note(Sockets.violation(line, allowedRemotes));
                        }
                        maxUnix = Math.max(maxUnix, unix);
                    }
                }
            } catch (IOException e) {
                note("could not read the socket tables: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void note(String violation) {
            if (violation != null && seenViolations.add(violation)) {
                violations.add(violation);
            }
        }
    }

    /** The inet bind/connect/send calls in strace's output, judged by the rule. */
    static Trace trace(List<String> lines, Set<InetSocketAddress> allowedRemotes) {
        int binds = 0;
        int connects = 0;
        int listens = 0;
        int sends = 0;
        int unix = 0;
        Set<String> targets = new LinkedHashSet<>();
        List<String> violations = new ArrayList<>();
        for (String line : lines) {
            Matcher m = CALL.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String call = m.group(2);
            if (call.equals("listen")) {
                listens++;
                continue;
            }
            Matcher fam = FAMILY.matcher(m.group(4));
            if (!fam.find()) {
                continue; // sendto/sendmsg on a connected socket: its address was judged at connect
            }
            String family = fam.group(1);
            if (family.equals("AF_UNIX")) {
                unix += call.equals("connect") ? 1 : 0;
                continue;
            }
            if (!family.equals("AF_INET") && !family.equals("AF_INET6")) {
                continue; // AF_NETLINK (interface lists), AF_UNSPEC (a disconnect)
            }
            Matcher a = (family.equals("AF_INET") ? V4 : V6).matcher(m.group(4));
            if (!a.find()) {
                violations.add("strace: an inet " + call + " whose address could not be read: " + line);
                continue;
            }
            InetSocketAddress target = literal(a.group(2), Integer.parseInt(a.group(1)));
            targets.add(call + " " + Sockets.Row.show(target));
            switch (call) {
                case "bind" -> binds++;
                case "connect" -> connects++;
                default -> sends++;
            }
            boolean fine = target.getAddress().isLoopbackAddress()
                    || (!call.equals("bind") && allowedRemotes.contains(target));
            if (!fine) {
                violations.add("strace: " + call + " to " + Sockets.Row.show(target) + " beyond loopback: " + line);
            }
        }
        return new Trace(binds, connects, listens, sends, unix, targets, violations);
    }

    private static InetSocketAddress literal(String address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(address), port); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
