package dev.airlock.appliance.config;

import dev.airlock.formats.outside.OutsideText;
import java.net.URI;
import java.util.Locale;
import java.util.function.Predicate;

/** Every setting Airlock knows, with its default and what values it takes. */
public enum Setting {
    GATEWAY_ENDPOINT("gateway.endpoint",
            "https://activation.sls.microsoft.com/BatchActivation/BatchActivation.asmx",
            "BatchActivation service URL (gateway role)", Setting::isHttpUrl),
    GATEWAY_PROXY("gateway.proxy", "", "HTTP proxy for the gateway, host:port, empty for none",
            v -> v.isEmpty() || v.matches("[A-Za-z0-9.-]+:\\d{1,5}")),
    GATEWAY_PROXY_USER("gateway.proxy-user", "", "proxy user name (gateway role); the password comes from"
            + " AIRLOCK_GATEWAY_PROXY_PASSWORD, empty for none", v -> v.isEmpty() || v.matches("[^\\s:]{1,128}")),
    /**
     * HMAC-SHA256 key of BatchActivation's request digest, hex. Default: the 64-byte key Microsoft's
     * published ActivationWs client embeds (github.com/dadorner-msft/activationws on main,
     * src/web-service/aspnet/ActivationWs/Activation.cs, ActivationHelper.MacKey, lines 13-23).
     */
    GATEWAY_DIGEST_KEY("gateway.digest-key",
            "fe319875fb4884869cf3f1ce99a89064ab571fca470450583024e214628779a0"
                    + "0000000000000000000000000000000000000000000000000000000000000000",
            "BatchActivation digest HMAC key, hex (default: the key Microsoft's ActivationWs client embeds)",
            v -> v.matches("([0-9A-Fa-f]{2}){1,64}")),
    GATEWAY_CONNECT_TIMEOUT("gateway.connect-timeout-seconds", "15", "seconds to wait for a connection to"
            + " BatchActivation", v -> isIntBetween(v, 1, 600)),
    GATEWAY_READ_TIMEOUT("gateway.read-timeout-seconds", "60", "seconds to wait for BatchActivation's answer",
            v -> isIntBetween(v, 1, 3600)),
    GATEWAY_RETRIES("gateway.retries", "3", "retries when BatchActivation could not be reached or failed (HTTP 5xx)",
            v -> isIntBetween(v, 0, 10)),
    GATEWAY_RETRY_BACKOFF_MS("gateway.retry-backoff-ms", "2000", "first retry delay in ms, doubled each retry",
            v -> isIntBetween(v, 0, 600_000)),
    GATEWAY_PARALLEL("gateway.parallel", "8", "BatchActivation calls in flight at once, 1 to 64 (1: one after"
            + " another)", v -> isIntBetween(v, 1, 64)),
    GATEWAY_CA_BUNDLE("gateway.ca-bundle", "", "PEM file of CA certificates to trust for BatchActivation's TLS"
            + " instead of the JDK's; empty for the JDK's", v -> true),
    KIOSK_PORT("kiosk.port", "8080", "kiosk web port on 127.0.0.1", v -> isIntBetween(v, 1, 65535)),
    KIOSK_IDLE_LOCK_MINUTES("kiosk.idle-lock-minutes", "5", "minutes without touch before the screen locks",
            v -> isIntBetween(v, 1, 240)),
    SCANNER_PORT("scanner.port", "auto", "serial scanner device, or 'auto' for /dev/ttyACM* and /dev/ttyUSB*",
            v -> v.equals("auto") || v.startsWith("/dev/")),
    SCANNER_BAUD("scanner.baud", "115200", "serial scanner speed", v -> isIntBetween(v, 1200, 921600)),
    QR_VERSION("qr.version", "15", "QR symbol version for shown frames: 10, 15 or 20",
            v -> v.equals("10") || v.equals("15") || v.equals("20")),
    QR_FRAMES_PER_SECOND("qr.frames-per-second", "2", "QR auto-cycle speed, 1 to 5", v -> isIntBetween(v, 1, 5)),
    MEDIA_ROOTS("media.roots", "/media,/run/media,/run/airlock/media", "where USB sticks are mounted, comma-separated",
            v -> !v.isBlank()),
    UPDATE_RELEASE_KEY("update.release-key", "/usr/share/airlock/update-key.pem", "the release key updates must be"
            + " signed with (Ed25519 public key, PEM), built into the image", v -> v.startsWith("/")),
    UPDATE_OS_RELEASE("update.os-release", "/etc/os-release", "the file whose IMAGE_VERSION= is the running"
            + " appliance image's version", v -> v.startsWith("/"));

    private final String key;
    private final String defaultValue;
    private final String description;
    private final Predicate<String> valid;

    Setting(String key, String defaultValue, String description, Predicate<String> valid) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.valid = valid;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment variable that overrides it: {@code AIRLOCK_} + key in upper case, dots and dashes as _. */
    public String envName() {
        return "AIRLOCK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Whether {@code value} is acceptable. */
    public boolean accepts(String value) {
        return value != null && valid.test(value.strip());
    }

    /** The setting called {@code key}, or throws naming the known keys. */
    public static Setting ofKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key.strip())) {
                return s;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Setting s : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(s.key);
        }
        throw new IllegalArgumentException("unknown setting '" + OutsideText.shown(key) + "'; settings are: " + known);
    }

    private static boolean isIntBetween(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String v) {
        try {
            URI u = URI.create(v);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
