package dev.airlock.appliance.gateway;

import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/** Plain words for socket and TLS failures, for the technician: never a Java class name. */
final class NetworkWords {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    private NetworkWords() {
    }

    /** Plain words for a socket failure: never a Java class name. */
    static String plain(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || m.contains("end of stream") || m.startsWith("closed")) {
            return "closed by the other side";
        }
        if (m.contains("reset")) {
            return "reset by the other side";
        }
        if (m.contains("broken pipe")) {
            return "closed by the other side while sending";
        }
        if (m.contains("refused")) {
            return "connection refused";
        }
        if (m.contains("timed out")) {
            return "timed out";
        }
        if (e instanceof SSLException) {
            return "TLS error: " + tlsReason((SSLException) e);
        }
        boolean javaWords = m.contains("exception") || CLASS_NAME.matcher(e.getMessage() == null ? "" : e.getMessage())
                .find();
        return m.isBlank() || javaWords ? "network error" : m;
    }

    static String tlsReason(SSLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "the service's certificate is not signed by a trusted CA";
        }
        if (m.contains("subject alternative") || m.contains("No name matching")) {
            return "the service's certificate is for another host name";
        }
        if (m.contains("expired") || m.contains("NotAfter")) {
            return "the service's certificate has expired";
        }
        if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
            return "no TLS version in common";
        }
        if (m.contains("handshake_failure") || m.contains("no cipher suites")) {
            return "no TLS cipher suite in common";
        }
        if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
            return "the other side does not speak TLS";
        }
        return "handshake refused";
    }
}
