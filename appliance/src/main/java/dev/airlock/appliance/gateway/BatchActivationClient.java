package dev.airlock.appliance.gateway;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client of Microsoft's BatchActivation service: one {@code Request} per call, as Microsoft's
 * published client sends. Failures come in two kinds, because an activation must never be spent
 * twice: {@link NotDelivered} (the service produced no answer: connection refused, TLS failure,
 * HTTP error status — safe to ask again) and {@link AnswerLost} (the request may have been
 * processed but its answer could not be read: time-out, broken connection, unreadable answer).
 * Only NotDelivered failures are retried, with exponential backoff.
 */
final class BatchActivationClient {
    private final BatchActivationConfig config;
    private final HttpClient http;

    BatchActivationClient(BatchActivationConfig config) throws GatewayException {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        config.proxy().ifPresent(p -> b.proxy(ProxySelector.of(p)));
        if (config.proxyUser().isPresent()) {
            String user = config.proxyUser().get();
            char[] password = config.proxyPassword().orElse("").toCharArray();
            // The JDK refuses Basic proxy authentication for HTTPS tunnels unless allowed explicitly.
            if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
                System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
            }
            b.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(user, password)
                            : null;
                }
            });
        }
        if (config.caBundle().isPresent()) {
            b.sslContext(sslContext(config.caBundle().get()));
        }
        this.http = b.build();
    }

    /** The service produced no answer: nothing was spent, asking again is safe. */
    static final class NotDelivered extends Exception {
        private static final long serialVersionUID = 1L;

        NotDelivered(String message) {
            super(message);
        }
    }

    /** The request may have reached the service, but no answer could be read. */
    static final class AnswerLost extends Exception {
        private static final long serialVersionUID = 1L;

        AnswerLost(String message) {
            super(message);
        }
    }

    /** A CID for (ePID, IID). */
    ServiceAnswer confirmationId(ExtendedProductId epid, InstallationId iid) throws NotDelivered, AnswerLost {
        return call(BatchActivationWire.TYPE_CID, epid, iid);
    }

    /** The remaining activations of the MAK behind {@code epid}. */
    ServiceAnswer remaining(ExtendedProductId epid) throws NotDelivered, AnswerLost {
        return call(BatchActivationWire.TYPE_REMAINING, epid, null);
    }

    private ServiceAnswer call(int type, ExtendedProductId epid, InstallationId iid) throws NotDelivered, AnswerLost {
        byte[] envelope = BatchActivationWire.envelope(BatchActivationWire.innerRequest(type, epid, iid),
                config.digestKey());
        HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.readTimeout())
                .header("Content-Type", BatchActivationWire.CONTENT_TYPE)
                .header("SOAPAction", BatchActivationWire.SOAP_ACTION)
                .header("Accept", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        NotDelivered last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            try {
                return once(request, type);
            } catch (NotDelivered e) {
                last = e;
                if (e.getMessage().startsWith("HTTP 4")) {
                    break; // a refusal of the request itself: asking the same again does not help
                }
            }
        }
        throw new NotDelivered(last.getMessage() + (config.retries() > 0 ? " (tried " + (config.retries() + 1)
                + " times)" : ""));
    }

    private ServiceAnswer once(HttpRequest request, int type) throws NotDelivered, AnswerLost {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new NotDelivered("no connection to " + where() + " within " + config.connectTimeout().toSeconds()
                    + " s");
        } catch (HttpTimeoutException e) {
            throw new AnswerLost("no answer from " + where() + " within " + config.readTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            throw new NotDelivered("cannot connect to " + where() + " (" + reason(e) + ")");
        } catch (SSLHandshakeException e) {
            throw new NotDelivered("TLS with " + where() + " failed (" + reason(e) + "); check gateway.ca-bundle");
        } catch (IOException e) {
            throw new AnswerLost("the connection to " + where() + " broke (" + reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerLost("interrupted while waiting for " + where());
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(BatchActivationWire.MAX_ANSWER_BYTES + 1);
        } catch (HttpTimeoutException e) {
            throw new AnswerLost("the answer from " + where() + " stopped arriving within "
                    + config.readTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new AnswerLost("reading the answer from " + where() + " failed (" + reason(e) + ")");
        }
        int status = response.statusCode();
        if (status == 407) {
            throw new NotDelivered("HTTP 407 from the proxy: check gateway.proxy-user and "
                    + BatchActivationConfig.PROXY_PASSWORD_ENV);
        }
        if (status != 200) {
            String fault = "";
            try {
                BatchActivationWire.parse(body, type);
            } catch (BatchActivationWire.MalformedAnswer m) {
                fault = m.getMessage().contains("SOAP fault") ? ": " + m.getMessage() : "";
            }
            throw new NotDelivered("HTTP " + status + " from " + where() + fault);
        }
        try {
            return BatchActivationWire.parse(body, type);
        } catch (BatchActivationWire.MalformedAnswer e) {
            throw new AnswerLost("unreadable answer from " + where() + ": " + e.getMessage());
        }
    }

    private void backoff(int attempt) throws NotDelivered {
        Duration delay = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 16));
        try {
            config.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotDelivered("interrupted while waiting to retry");
        }
    }

    private String where() {
        return "BatchActivation at " + config.endpoint().getHost()
                + (config.endpoint().getPort() > 0 ? ":" + config.endpoint().getPort() : "");
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** An SSL context trusting exactly the certificates in a PEM bundle. */
    static SSLContext sslContext(Path pem) throws GatewayException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GatewayException("gateway.ca-bundle " + pem + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new GatewayException("cannot read gateway.ca-bundle " + pem + ": " + reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new GatewayException("gateway.ca-bundle " + pem + " is not a PEM file of certificates ("
                    + reason(e) + ")", e);
        }
    }
}
