package dev.airlock.appliance.gateway;

import static dev.airlock.appliance.gateway.HttpConnection.closeQuietly;
import static dev.airlock.appliance.gateway.NetworkWords.plain;
import static dev.airlock.appliance.gateway.NetworkWords.tlsReason;

import dev.airlock.appliance.gateway.HttpTransport.NeverSent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a new connection: TCP (to the endpoint or the proxy), the proxy's tunnel, TLS. Nothing of
 * the request is sent yet, so every failure here is {@link NeverSent}.
 */
final class HttpConnector {
    private final BatchActivationConfig config;
    private final SSLSocketFactory tls;
    private final HttpRequests requests;
    private final String host;
    private final int port;
    private final boolean https;
    private final String where;

    HttpConnector(BatchActivationConfig config, SSLSocketFactory tls, HttpTarget target, HttpRequests requests) {
        this.config = config;
        this.tls = tls;
        this.requests = requests;
        this.host = target.host();
        this.port = target.port();
        this.https = target.https();
        this.where = target.where();
    }

    HttpConnection connect() throws NeverSent {
        String toHost = config.proxy().map(InetSocketAddress::getHostString).orElse(host);
        int toPort = config.proxy().map(InetSocketAddress::getPort).orElse(port);
        String whom = config.proxy().isPresent() ? "the proxy " + toHost + ":" + toPort : where;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(toHost, toPort), (int) Math.max(1, config.connectTimeout().toMillis()));
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot find the address of " + toHost + " (check gateway.endpoint, gateway.proxy and"
                    + " the DNS settings)");
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new NeverSent("no connection to " + whom + " within " + config.connectTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot connect to " + whom + " (connection refused)");
        } catch (NoRouteToHostException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot connect to " + whom + " (no route to the host)");
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot connect to " + whom + " (" + plain(e) + ")");
        }
        try {
            socket.setSoTimeout((int) Math.max(1, config.connectTimeout().toMillis()));
            if (config.proxy().isPresent() && https) {
                tunnel(socket, whom);
            }
            if (!https) {
                return new HttpConnection(socket);
            }
            SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            ssl.setSoTimeout((int) Math.max(1, config.connectTimeout().toMillis()));
            try {
                ssl.startHandshake();
            } catch (SocketTimeoutException e) {
                closeQuietly(ssl);
                throw new NeverSent("TLS with " + where + " did not finish within " + config.connectTimeout().toSeconds()
                        + " s");
            } catch (SSLException e) {
                closeQuietly(ssl);
                throw new NeverSent("TLS with " + where + " failed (" + tlsReason(e) + "); check gateway.ca-bundle");
            } catch (IOException e) {
                closeQuietly(ssl);
                throw new NeverSent("the connection to " + where + " broke during the TLS handshake (" + plain(e)
                        + ")");
            }
            return new HttpConnection(ssl);
        } catch (NeverSent e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NeverSent("the connection to " + whom + " broke before the request was sent (" + plain(e) + ")");
        }
    }

    /** CONNECT host:port through the proxy; on anything but 2xx the request was never sent. */
    private void tunnel(Socket socket, String whom) throws IOException, NeverSent {
        OutputStream out = socket.getOutputStream();
        out.write(requests.connect());
        out.flush();
        // read the proxy's answer byte by byte: nothing beyond its blank line may be consumed
        InputStream in = socket.getInputStream();
        String status;
        try {
            status = HttpLines.line(in);
            for (int i = 0; !HttpLines.line(in).isEmpty(); i++) {
                if (i > HttpLines.MAX_HEADERS) {
                    throw new NotHttp("more than " + HttpLines.MAX_HEADERS + " header lines");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new NeverSent(whom + " did not open a tunnel to " + host + " within "
                    + config.connectTimeout().toSeconds() + " s");
        } catch (NotHttp e) {
            throw new NeverSent(whom + " answered the tunnel request with something that is not HTTP");
        }
        int code = HttpLines.statusCode(status);
        if (code == 407) {
            throw new NeverSent("HTTP 407 from the proxy: check gateway.proxy-user and "
                    + BatchActivationConfig.PROXY_PASSWORD_ENV, true);
        }
        if (code < 200 || code > 299) {
            throw new NeverSent(whom + " refused a tunnel to " + host + ":" + port + " (HTTP " + code + ")");
        }
    }
}
