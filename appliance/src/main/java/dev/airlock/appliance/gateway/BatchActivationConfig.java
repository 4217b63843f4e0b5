package dev.airlock.appliance.gateway;

import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import dev.airlock.appliance.keys.Sleeper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the gateway reaches BatchActivation: endpoint, HMAC digest key, proxy (with credentials),
 * timeouts, retries with exponential backoff, an optional CA bundle (PEM) to trust instead of
 * the JDK's roots, and how many calls may be in flight at once ({@code parallel}, 1 = one after
 * another). Built from the settings ({@link #fromSettings}); the sleeper is injected so tests do
 * not wait out backoffs (with {@code parallel} above 1 it is called from several threads).
 */
public record BatchActivationConfig(URI endpoint, byte[] digestKey, Optional<InetSocketAddress> proxy,
        Optional<String> proxyUser, Optional<String> proxyPassword, Duration connectTimeout, Duration readTimeout,
        int retries, Duration backoff, Optional<Path> caBundle, Sleeper sleeper, int parallel) {
    /** The environment variable holding the proxy password (never a setting, so never in airlock.conf). */
    public static final String PROXY_PASSWORD_ENV = "AIRLOCK_GATEWAY_PROXY_PASSWORD";
    /** The most calls in flight at once (setting gateway.parallel, {@code --parallel}). */
    public static final int MAX_PARALLEL = 64;

    public BatchActivationConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        digestKey = digestKey.clone();
        if (digestKey.length == 0 || digestKey.length > 64) {
            throw new IllegalArgumentException("the digest key has 1 to 64 bytes, not " + digestKey.length);
        }
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(proxyUser, "proxyUser");
        Objects.requireNonNull(proxyPassword, "proxyPassword");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(sleeper, "sleeper");
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("calls in flight at once must be 1 to " + MAX_PARALLEL + ", not "
                    + parallel);
        }
    }

    /** One call at a time (what tools and tests that count calls in order want). */
    public BatchActivationConfig(URI endpoint, byte[] digestKey, Optional<InetSocketAddress> proxy,
            Optional<String> proxyUser, Optional<String> proxyPassword, Duration connectTimeout, Duration readTimeout,
            int retries, Duration backoff, Optional<Path> caBundle, Sleeper sleeper) {
        this(endpoint, digestKey, proxy, proxyUser, proxyPassword, connectTimeout, readTimeout, retries, backoff,
                caBundle, sleeper, 1);
    }

    @Override
    public byte[] digestKey() {
        return digestKey.clone();
    }

    /** From the effective settings, the proxy password from {@value #PROXY_PASSWORD_ENV} in {@code env}. */
    public static BatchActivationConfig fromSettings(Settings settings, Map<String, String> env, Sleeper sleeper) {
        String proxy = settings.value(Setting.GATEWAY_PROXY).strip();
        Optional<InetSocketAddress> proxyAddress = Optional.empty();
        if (!proxy.isEmpty()) {
            int colon = proxy.lastIndexOf(':');
            proxyAddress = Optional.of(InetSocketAddress.createUnresolved(proxy.substring(0, colon),
                    Integer.parseInt(proxy.substring(colon + 1))));
        }
        String user = settings.value(Setting.GATEWAY_PROXY_USER).strip();
        String password = env.get(PROXY_PASSWORD_ENV);
        String ca = settings.value(Setting.GATEWAY_CA_BUNDLE).strip();
        return new BatchActivationConfig(URI.create(settings.value(Setting.GATEWAY_ENDPOINT).strip()),
                HexFormat.of().parseHex(settings.value(Setting.GATEWAY_DIGEST_KEY).strip()),
                proxyAddress, user.isEmpty() ? Optional.empty() : Optional.of(user),
                password == null || password.isEmpty() ? Optional.empty() : Optional.of(password),
                Duration.ofSeconds(Integer.parseInt(settings.value(Setting.GATEWAY_CONNECT_TIMEOUT).strip())),
                Duration.ofSeconds(Integer.parseInt(settings.value(Setting.GATEWAY_READ_TIMEOUT).strip())),
                Integer.parseInt(settings.value(Setting.GATEWAY_RETRIES).strip()),
                Duration.ofMillis(Integer.parseInt(settings.value(Setting.GATEWAY_RETRY_BACKOFF_MS).strip())),
                ca.isEmpty() ? Optional.empty() : Optional.of(Path.of(ca)), sleeper,
                Integer.parseInt(settings.value(Setting.GATEWAY_PARALLEL).strip()));
    }

    /** The same, talking to {@code url} (e.g. {@code --endpoint}). */
    public BatchActivationConfig withEndpoint(URI url) {
        return new BatchActivationConfig(url, digestKey, proxy, proxyUser, proxyPassword, connectTimeout, readTimeout,
                retries, backoff, caBundle, sleeper, parallel);
    }

    /** The same, with at most {@code calls} calls in flight at once (e.g. {@code --parallel}). */
    public BatchActivationConfig withParallel(int calls) {
        return new BatchActivationConfig(endpoint, digestKey, proxy, proxyUser, proxyPassword, connectTimeout,
                readTimeout, retries, backoff, caBundle, sleeper, calls);
    }

    /**
     * A direct configuration for {@code url} with the default key and short timeouts, one call at a
     * time (tests, tools; {@link #withParallel} for more).
     */
    public static BatchActivationConfig direct(URI url, Duration readTimeout, int retries, Sleeper sleeper) {
        return new BatchActivationConfig(url, HexFormat.of().parseHex(Setting.GATEWAY_DIGEST_KEY.defaultValue()),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5), readTimeout, retries,
                Duration.ofMillis(500), Optional.empty(), sleeper);
    }

    @Override
    public String toString() {
        return "BatchActivationConfig[endpoint=" + endpoint + ", proxy=" + proxy + ", proxyUser=" + proxyUser
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retries=" + retries
                + ", backoff=" + backoff + ", caBundle=" + caBundle + ", parallel=" + parallel
                + "]"; // never the password or key
    }
}
