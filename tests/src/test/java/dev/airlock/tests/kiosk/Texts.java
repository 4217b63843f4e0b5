package dev.airlock.tests.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The kiosk's own strings (its one resource bundle, read from the kiosk-ui sources), so the page
 * objects find buttons and messages by the words the user sees without copying them.
 */
public final class Texts {
    private static final Properties BUNDLE = load();

    private Texts() {}

    /** The text of {@code key}, formatted with {@code args} as the kiosk formats it. */
    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no kiosk string " + key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    /** The text of {@code key} up to its first argument (for "contains" checks of formatted messages). */
    public static String prefix(String key) {
        String pattern = get(key);
        int brace = pattern.indexOf('{');
        return (brace < 0 ? pattern : pattern.substring(0, brace)).replace("''", "'").strip();
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    private static Properties load() {
        Path file = KioskProcess.ROOT.resolve("kiosk-ui/src/main/resources/vaadin-i18n/translations.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return p;
    }
}
