package dev.airlock.appliance.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.airlock.formats.outside.OutsideText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * JSON output for scripts: one mapper, ISO-8601 times, no pretty-printing surprises. Every
 * character {@link OutsideText} would not take in (C1 controls, bidi controls, noncharacters,
 * U+2028/U+2029, surrogates) is written as a backslash-u escape (six characters), so the document stays valid,
 * round-trips exactly, and shows nothing as layout when printed raw.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory().setCharacterEscapes(new OutsideEscapes()))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** JSON's own escapes for ASCII, plus a backslash-u escape for any other character OutsideText flags. */
    static final class OutsideEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD; // DEL: a control character too
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            char c = (char) ch;
            return Character.isSurrogate(c) || OutsideText.needsEscape(c)
                    ? new SerializedString(OutsideText.escape(c)) : null;
        }
    }

    static void print(PrintWriter out, Object value) {
        try {
            MAPPER.writeValue(out, value);
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generator for streaming large arrays without holding them in memory. */
    static JsonGenerator stream(PrintWriter out) {
        try {
            return MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
