package dev.airlock.appliance.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The bytes a transport writes: the POST with its head, and the CONNECT asking a proxy for a tunnel. */
final class HttpRequests {
    private final BatchActivationConfig config;
    private final HttpTarget target;

    HttpRequests(BatchActivationConfig config, HttpTarget target) {
        this.config = config;
        this.target = target;
    }

    /** The whole POST: request line, Host, the given header lines, Content-Length, proxy credentials, body. */
    byte[] post(byte[] body, String[] headers) {
        URI endpoint = target.endpoint();
        boolean viaHttpProxy = config.proxy().isPresent() && !target.https();
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        if (endpoint.getRawQuery() != null) {
            path += "?" + endpoint.getRawQuery();
        }
        String requestTarget = viaHttpProxy ? endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path : path;
        StringBuilder h = new StringBuilder();
        h.append("POST ").append(requestTarget).append(" HTTP/1.1\r\n");
        h.append("Host: ").append(endpoint.getRawAuthority()).append("\r\n");
        for (String line : headers) {
            h.append(line).append("\r\n");
        }
        h.append("Content-Length: ").append(body.length).append("\r\n");
        if (viaHttpProxy) {
            proxyAuthorization().ifPresent(a -> h.append(a).append("\r\n"));
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** CONNECT host:port, with the proxy's credentials when configured. */
    byte[] connect() {
        String host = target.host();
        StringBuilder h = new StringBuilder();
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + target.port();
        h.append("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        proxyAuthorization().ifPresent(a -> h.append(a).append("\r\n"));
        h.append("\r\n");
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Optional<String> proxyAuthorization() {
        return config.proxyUser().map(u -> "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                (u + ":" + config.proxyPassword().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }
}
