package dev.airlock.tests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reading a namespace's sockets: the kernel's tables ({@code /proc/PID/net/tcp}, tcp6, udp, udp6,
 * raw, raw6) and {@code ss}'s lines, and the rule they are judged by: nothing may listen on (or,
 * for UDP and raw, receive on) an address other than loopback, nothing may be connected to one
 * (except the endpoints a test allows). Unix sockets are fine.
 */
public final class Sockets {
    static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6", "raw", "raw6");

    private Sockets() {
    }

    /** One row of a kernel socket table. */
    public record Row(String table, String state, InetSocketAddress local, InetSocketAddress remote, long inode) {
        boolean tcp() {
            return table.startsWith("tcp");
        }

        boolean raw() {
            return table.startsWith("raw");
        }

        /** It accepts connections or datagrams from whoever reaches its address. */
        boolean listening() {
            if (tcp()) {
                return state.equals("0A");
            }
            return raw() || (local.getPort() != 0 && remote.getAddress().isAnyLocalAddress());
        }

        boolean connected() {
            return !remote.getAddress().isAnyLocalAddress();
        }

        @Override
        public String toString() {
            return table + " " + stateName() + " " + show(local) + " -> " + show(remote) + " inode " + inode;
        }

        /** "127.0.0.1:8080", "[::1]:8080". */
        static String show(InetSocketAddress a) {
            String host = a.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
        }

        String stateName() {
            return switch (state) {
                case "01" -> tcp() ? "ESTABLISHED" : "CONNECTED";
                case "02" -> "SYN_SENT";
                case "06" -> "TIME_WAIT";
                case "07" -> tcp() ? "CLOSE" : "UNCONNECTED";
                case "0A" -> "LISTEN";
                default -> "state-" + state;
            };
        }
    }

    /** Every row of the namespace's six inet tables, read through {@code /proc/PID/net}. */
    public static List<Row> kernel(long pid) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table));
            } catch (NoSuchFileException gone) {
                continue; // e.g. no IPv6 in this kernel
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.strip().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                rows.add(new Row(table, f[3], address(f[1]), address(f[2]), Long.parseLong(f[9])));
            }
        }
        return rows;
    }

    /** "0100007F:1F90" (IPv4) or 32 hex digits + ":port" (IPv6), each 32-bit word in host (little-endian) order. */
    static InetSocketAddress address(String hexColonPort) {
        int colon = hexColonPort.indexOf(':');
        String hex = hexColonPort.substring(0, colon);
        int port = Integer.parseInt(hexColonPort.substring(colon + 1), 16);
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        try {
            // an IPv4-mapped IPv6 address (::ffff:127.0.0.1, Java's dual-stack sockets) comes back as an Inet4Address
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hexColonPort, e);
        }
    }

    /** 127.0.0.0/8, ::1 and ::ffff:127.x.y.z. */
    static boolean loopback(InetAddress a) {
        return a.isLoopbackAddress();
    }

    /** Why this row breaks the rule, or null when it does not. */
    static String violation(Row row, Set<InetSocketAddress> allowedRemotes) {
        if (row.listening() && !loopback(row.local().getAddress())) {
            return "listens beyond loopback: " + row;
        }
        if (row.connected() && !loopback(row.remote().getAddress()) && !allowedRemotes.contains(row.remote())) {
            return "connected beyond loopback: " + row;
        }
        return null;
    }

    /** Why this {@code ss -Htuwxanp} line breaks the rule, or null when it does not (or is a unix socket). */
    static String violation(String ssLine, Set<InetSocketAddress> allowedRemotes) {
        String[] f = ssLine.strip().split("\\s+");
        if (f.length < 6 || !(f[0].equals("tcp") || f[0].equals("udp") || f[0].equals("raw"))) {
            return null;
        }
        String state = f[1];
        String localHost = host(f[4]);
        String peerHost = host(f[5]);
        boolean receives = state.equals("LISTEN") || (!f[0].equals("tcp") && state.equals("UNCONN")
                && (f[0].equals("raw") || !(port(f[4]).equals("0") || port(f[4]).equals("*"))));
        if (receives && !loopbackText(localHost)) {
            return "listens beyond loopback (ss): " + ssLine.strip();
        }
        if (!peerHost.equals("*") && !wildcardText(peerHost) && !loopbackText(peerHost)) {
            InetSocketAddress peer = new InetSocketAddress(peerHost, Integer.parseInt(port(f[5])));
            if (!allowedRemotes.contains(peer)) {
                return "connected beyond loopback (ss): " + ssLine.strip();
            }
        }
        return null;
    }

    /** "[::ffff:127.0.0.1]:80" -> "::ffff:127.0.0.1"; "127.0.0.53%lo:53" -> "127.0.0.53"; "*:*" -> "*". */
    static String host(String addressColonPort) {
        String h = addressColonPort.substring(0, addressColonPort.lastIndexOf(':'));
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int pct = h.indexOf('%');
        return pct >= 0 ? h.substring(0, pct) : h;
    }

    static String port(String addressColonPort) {
        return addressColonPort.substring(addressColonPort.lastIndexOf(':') + 1);
    }

    static boolean wildcardText(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("::ffff:0.0.0.0");
    }

    static boolean loopbackText(String host) {
        if (host.equals("*") || wildcardText(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
