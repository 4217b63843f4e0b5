package dev.airlock.tests.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A fresh network namespace ({@code unshare --net}, held open by a {@code sleep} in it) with
 * {@code lo} up and one non-loopback interface with an address and a default route through it, so
 * that a bind to 0.0.0.0 or to that address, or a connect to anywhere, would succeed as far as
 * the kernel is concerned if the code under test tried. Closing it kills the holder: the kernel
 * then drops the namespace with everything in it.
 */
public final class NetNamespace implements AutoCloseable {
    /** The address of the interface a fresh namespace has besides loopback (TEST-NET-1, never routed). */
    public static final String ADDRESS = "192.0.2.10";
    /** The other end's address in a {@link #pair()} (the "connected zone"). */
    public static final String PEER_ADDRESS = "192.0.2.20";

    private static final List<String> TOOLS = List.of("unshare", "nsenter", "ip", "ss", "strace");

    private final Process holder;
    private NetNamespace peer;

    private NetNamespace(Process holder) {
        this.holder = holder;
    }

    /** Why a namespace cannot be made here (not root, a tool missing), or empty when it can. */
    public static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("needs root to create a network namespace (CI runs as root); running as "
                    + System.getProperty("user.name"));
        }
        for (String tool : TOOLS) {
            if (which(tool).isEmpty()) {
                return Optional.of(tool + " is missing (apt-get install iproute2 util-linux strace)");
            }
        }
        return Optional.empty();
    }

    /**
     * A namespace with lo up and {@code airlock0} with {@value #ADDRESS}/24 and the default route:
     * a dummy interface, or (on kernels without the dummy driver) one end of a veth pair whose other
     * end sits, without an address, in a second namespace closed with this one.
     */
    public static NetNamespace create() throws IOException, InterruptedException {
        NetNamespace ns = holder();
        try {
            ns.ip("link", "set", "lo", "up");
            try {
                ns.ip("link", "add", "airlock0", "type", "dummy");
            } catch (IOException noDummyDriver) {
                ns.peer = holder();
                ns.ip("link", "add", "airlock0", "type", "veth", "peer", "name", "airlock1", "netns",
                        String.valueOf(ns.peer.pid()));
                ns.peer.ip("link", "set", "airlock1", "up");
            }
            ns.ip("addr", "add", ADDRESS + "/24", "dev", "airlock0");
            ns.ip("link", "set", "airlock0", "up");
            ns.ip("route", "add", "default", "dev", "airlock0");
            return ns;
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /**
     * Two namespaces joined by a veth pair: the first has {@value #ADDRESS}/24 (and the default
     * route), the second {@value #PEER_ADDRESS}/24; both have lo up.
     */
    public static NetNamespace[] pair() throws IOException, InterruptedException {
        NetNamespace a = holder();
        NetNamespace b;
        try {
            b = holder();
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
        try {
            a.ip("link", "set", "lo", "up");
            b.ip("link", "set", "lo", "up");
            a.ip("link", "add", "airlock0", "type", "veth", "peer", "name", "airlock1", "netns",
                    String.valueOf(b.pid()));
            a.ip("addr", "add", ADDRESS + "/24", "dev", "airlock0");
            b.ip("addr", "add", PEER_ADDRESS + "/24", "dev", "airlock1");
            a.ip("link", "set", "airlock0", "up");
            b.ip("link", "set", "airlock1", "up");
            a.ip("route", "add", "default", "dev", "airlock0");
            return new NetNamespace[] {a, b};
        } catch (IOException | RuntimeException e) {
            a.close();
            b.close();
            throw e;
        }
    }

    private static NetNamespace holder() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("unshare", "--net", "--", "sleep", "infinity")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        NetNamespace ns = new NetNamespace(p);
        // unshare execs sleep once the namespace exists: wait until the holder's namespace is another one
        String mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("unshare --net exited with " + p.exitValue());
            }
            try {
                String cmdline = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline"));
                String theirs = Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "ns/net")).toString();
                if (!theirs.equals(mine) && cmdline.startsWith("sleep")) {
                    return ns;
                }
            } catch (IOException notYet) {
                // the process is still being set up
            }
            if (System.nanoTime() > deadline) {
                ns.close();
                throw new IllegalStateException("unshare --net did not make a namespace within 20 s");
            }
            Thread.sleep(5);
        }
    }

    /** The holder's pid: {@code /proc/PID/net/*} are this namespace's socket tables. */
    public long pid() {
        return holder.pid();
    }

    /** {@code cmd} run inside this namespace ({@code nsenter --net}, which execs it: same pid). */
    public List<String> inside(List<String> cmd) {
        List<String> all = new ArrayList<>(List.of("nsenter", "--target", String.valueOf(pid()), "--net", "--"));
        all.addAll(cmd);
        return all;
    }

    /** Runs {@code cmd} inside, returns what it printed; fails when it does not exit 0 within 60 s. */
    public String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(inside(List.of(cmd))).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed in the namespace: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        exec(cmd.toArray(String[]::new));
    }

    /** What {@code ip -br addr} shows inside (for the report: the interfaces a test ran with). */
    public String interfaces() throws IOException, InterruptedException {
        return exec("ip", "-br", "addr").strip().replaceAll("\\s+\n", "\n");
    }

    static Optional<Path> which(String tool) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        if (peer != null) {
            peer.close();
        }
        holder.destroyForcibly();
        holder.waitFor(10, TimeUnit.SECONDS);
    }
}
