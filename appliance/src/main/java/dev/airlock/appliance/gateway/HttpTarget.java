package dev.airlock.appliance.gateway;

import java.net.URI;

/** The one endpoint a transport posts to: host and port as a socket needs them, and its name in messages. */
record HttpTarget(URI endpoint, String host, int port, boolean https, String where) {

    static HttpTarget of(URI endpoint) {
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        String h = endpoint.getHost();
        String host = h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : https ? 443 : 80;
        String where = "BatchActivation at " + endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort()
                : "");
        return new HttpTarget(endpoint, host, port, https, where);
    }
}
