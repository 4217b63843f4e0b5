package dev.airlock.appliance.gateway;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client of Microsoft's BatchActivation service: one {@code Request} per call, as Microsoft's
 * published client sends. Failures come in two kinds, because an activation must never be spent
 * twice: {@link NotDelivered} (the request provably never reached the service whole, or the
 * service refused it with an HTTP error status: nothing was spent, asking again is safe) and
 * {@link AnswerLost} (the request was sent whole and may have been processed, but no answer could
 * be read: time-out, connection closed or broken before the answer was complete, unreadable
 * answer). Only NotDelivered failures are retried, with exponential backoff; how connections are
 * used and which failures prove that nothing was sent is {@link HttpTransport}'s part.
 */
final class BatchActivationClient implements AutoCloseable {
    private static final String[] HEADERS = {
        "Content-Type: " + BatchActivationWire.CONTENT_TYPE,
        "SOAPAction: " + BatchActivationWire.SOAP_ACTION,
        "Accept: text/xml",
        "User-Agent: Airlock-gateway",
    };
    private final BatchActivationConfig config;
    private final HttpTransport http;

    BatchActivationClient(BatchActivationConfig config) throws GatewayException {
        this.config = config;
        SSLSocketFactory tls = null;
        if ("https".equalsIgnoreCase(config.endpoint().getScheme())) {
            try {
                tls = config.caBundle().isPresent() ? sslContext(config.caBundle().get()).getSocketFactory()
                        : SSLContext.getDefault().getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new GatewayException("TLS is not available in this Java runtime; nothing was asked", e);
            }
        }
        this.http = new HttpTransport(config, tls);
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

    /** A CID for (ePID, IID): spends an activation, so it is never sent twice on its own. */
    ServiceAnswer confirmationId(ExtendedProductId epid, InstallationId iid) throws NotDelivered, AnswerLost {
        return call(BatchActivationWire.TYPE_CID, epid, iid);
    }

    /** The remaining activations of the MAK behind {@code epid}: spends nothing, so it may be asked twice. */
    ServiceAnswer remaining(ExtendedProductId epid) throws NotDelivered, AnswerLost {
        return call(BatchActivationWire.TYPE_REMAINING, epid, null);
    }

    @Override
    public void close() {
        http.close();
    }

    private ServiceAnswer call(int type, ExtendedProductId epid, InstallationId iid) throws NotDelivered, AnswerLost {
        byte[] envelope = BatchActivationWire.envelope(BatchActivationWire.innerRequest(type, epid, iid),
                config.digestKey());
        NotDelivered last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            try {
                return once(envelope, type);
            } catch (Refused e) {
                last = e.failure;
                if (e.hopeless) {
                    break; // a refusal of the request itself: asking the same again does not help
                }
            }
        }
        throw new NotDelivered(last.getMessage() + (config.retries() > 0 ? " (tried " + (config.retries() + 1)
                + " times)" : ""));
    }

    /** One try that certainly spent nothing; {@code hopeless}: trying again cannot help. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final NotDelivered failure;
        final boolean hopeless;

        Refused(String message, boolean hopeless) {
            super(message, null, false, false);
            this.failure = new NotDelivered(message);
            this.hopeless = hopeless;
        }
    }

    private ServiceAnswer once(byte[] envelope, int type) throws Refused, AnswerLost {
        HttpTransport.Answer response;
        try {
            response = http.post(envelope, HEADERS, type == BatchActivationWire.TYPE_REMAINING,
                    BatchActivationWire.MAX_ANSWER_BYTES);
        } catch (HttpTransport.NeverSent e) {
            throw new Refused(e.getMessage(), e.proxyAuth());
        } catch (HttpTransport.MaybeProcessed e) {
            throw new AnswerLost(e.getMessage());
        }
        int status = response.status();
        byte[] body = response.body();
        if (status == 407) {
            throw new Refused("HTTP 407 from the proxy: check gateway.proxy-user and "
                    + BatchActivationConfig.PROXY_PASSWORD_ENV, true);
        }
        if (status == 502 || status == 504) {
            // a proxy's "bad gateway" or "gateway time-out": it may have passed the request on
            throw new AnswerLost("HTTP " + status + " from " + http.where() + " (a proxy on the way may have passed"
                    + " the request on before the service's answer failed)");
        }
        if (status != 200) {
            String fault = "";
            try {
                BatchActivationWire.parse(body, type);
            } catch (BatchActivationWire.MalformedAnswer m) {
                fault = m.getMessage().contains("SOAP fault") ? ": " + m.getMessage() : "";
            }
            throw new Refused("HTTP " + status + " from " + http.where() + fault, status >= 400 && status < 500);
        }
        try {
            return BatchActivationWire.parse(body, type);
        } catch (BatchActivationWire.MalformedAnswer e) {
            throw new AnswerLost("unreadable answer from " + http.where() + ": " + e.getMessage());
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

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "no details" : e.getMessage();
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
