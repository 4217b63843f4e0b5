package dev.airlock.appliance.config;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.outside.OutsideText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The effective settings and where each value came from: default, the data dir's
 * {@value #FILE_NAME}, an environment variable, or a flag (later sources win).
 */
public final class Settings {
    /** The settings file inside the data dir. */
    public static final String FILE_NAME = "airlock.conf";

    /** Where a value came from. */
    public enum Source { DEFAULT, FILE, ENVIRONMENT, FLAG }

    /** One effective value. */
    public record Value(Setting setting, String value, Source source, String origin) {}

    private final Map<Setting, Value> values;
    private final List<String> warnings;

    private Settings(Map<Setting, Value> values, List<String> warnings) {
        this.values = values;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads the effective settings. Bad values in the file or the environment are reported as
     * warnings and the default is kept; bad flags throw (the operator can fix the command).
     */
    public static Settings load(Path dataDir, Map<String, String> env, Map<String, String> flags) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        List<String> warnings = new ArrayList<>();
        for (Setting s : Setting.values()) {
            values.put(s, new Value(s, s.defaultValue(), Source.DEFAULT, "built in"));
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (CharacterCodingException e) {
                warnings.add(file + " is not UTF-8 text; the settings read before the bad byte count, the other"
                        + " sources give the rest: save the file as UTF-8");
            } catch (IOException | IllegalArgumentException e) {
                warnings.add(file + " cannot be read (" + OutsideText.shown(e.getMessage())
                        + "); the settings read before the problem count, the other sources give the rest");
            }
            for (String key : new TreeMap<>(toMap(p)).keySet()) {
                try {
                    Setting s = Setting.ofKey(key);
                    put(values, warnings, s, p.getProperty(key), Source.FILE, file.toString());
                } catch (IllegalArgumentException e) {
                    warnings.add(file + ": " + e.getMessage());
                }
            }
        }
        for (Setting s : Setting.values()) {
            String v = env.get(s.envName());
            if (v != null) {
                put(values, warnings, s, v, Source.ENVIRONMENT, s.envName());
            }
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            Setting s = Setting.ofKey(flag.getKey());
            if (!s.accepts(flag.getValue())) {
                throw new IllegalArgumentException("--set " + s.key() + "=" + OutsideText.shown(flag.getValue())
                        + " is not valid: " + s.description());
            }
            values.put(s, new Value(s, flag.getValue().strip(), Source.FLAG, "--set"));
        }
        return new Settings(values, warnings);
    }

    private static void put(Map<Setting, Value> values, List<String> warnings, Setting s, String v, Source source,
            String origin) {
        if (s.accepts(v)) {
            values.put(s, new Value(s, v.strip(), source, origin));
        } else {
            // shown escaped: a value with a line break or an escape sequence must not fake lines on a terminal
            warnings.add(origin + ": '" + OutsideText.shown(v) + "' is not a valid " + s.key() + " (" + s.description()
                    + "); using " + values.get(s).value());
        }
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }

    /** Writes {@code key=value} into the data dir's settings file (atomically), keeping the other entries. */
    public static void set(Path dataDir, Setting setting, String value) throws IOException {
        if (!setting.accepts(value)) {
            throw new IllegalArgumentException("'" + OutsideText.shown(value) + "' is not a valid " + setting.key()
                    + ": " + setting.description());
        }
        Path file = dataDir.resolve(FILE_NAME);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        p.setProperty(setting.key(), value.strip());
        StringWriter out = new StringWriter();
        out.write("# Airlock settings. Override with AIRLOCK_<KEY> environment variables or --set key=value.\n");
        for (Map.Entry<String, String> e : toMap(p).entrySet()) {
            out.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n");
        }
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Value get(Setting s) {
        return values.get(s);
    }

    public String value(Setting s) {
        return values.get(s).value();
    }

    /** Every setting in declaration order. */
    public List<Value> all() {
        return List.copyOf(values.values());
    }

    /** Problems found while loading (bad values, unknown keys); the defaults were kept. */
    public List<String> warnings() {
        return warnings;
    }
}
