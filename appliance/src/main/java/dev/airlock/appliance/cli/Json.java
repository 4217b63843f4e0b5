package dev.airlock.appliance.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.outside.OutsideText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON output for scripts: one mapper, ISO-8601 times, no pretty-printing surprises. Every
 * character {@link OutsideText} would not take in (C1 controls, bidi controls, noncharacters,
 * U+2028/U+2029, surrogates) is written as a backslash-u escape (six characters), so the document stays valid,
 * round-trips exactly, and shows nothing as layout when printed raw.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory().setCharacterEscapes(new OutsideEscapes()))
            .registerModule(new JavaTimeModule())
            .registerModule(identifiers())
            .addMixIn(Product.class, ProductJson.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Identifiers as scripts know them: an IID or CID as its bare digits, the others in canonical text. */
    private static SimpleModule identifiers() {
        SimpleModule m = new SimpleModule("airlock-identifiers");
        m.addSerializer(InstallationId.class, text(InstallationId::digits));
        m.addSerializer(ConfirmationId.class, text(ConfirmationId::digits));
        m.addSerializer(SkuId.class, text(SkuId::toString));
        m.addSerializer(ApplicationId.class, text(ApplicationId::toString));
        m.addSerializer(ExtendedProductId.class, text(ExtendedProductId::toString));
        return m;
    }

    private static <T> JsonSerializer<T> text(java.util.function.Function<T, String> form) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeString(form.apply(value));
            }
        };
    }

    /** A product's CID is "" until it has one (as it always was in {@code list --json} and {@code show --json}). */
    abstract static class ProductJson {
        @JsonSerialize(using = CidOrEmpty.class)
        abstract Optional<ConfirmationId> cid();

        @JsonSerialize(using = DetailText.class)
        abstract StateDetail stateDetail();
    }

    /** A product's state detail as the sentence it always was (its typed parts are the store's business). */
    static final class DetailText extends JsonSerializer<StateDetail> {
        @Override
        public void serialize(StateDetail detail, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(detail.text());
        }
    }

    static final class CidOrEmpty extends JsonSerializer<Optional<ConfirmationId>> {
        @Override
        public void serialize(Optional<ConfirmationId> cid, JsonGenerator g, SerializerProvider provider)
                throws IOException {
            g.writeString(cid.map(ConfirmationId::digits).orElse(""));
        }
    }

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

    /** A step that writes into a streaming generator. */
    @FunctionalInterface
    interface Writing {
        void write(JsonGenerator g) throws IOException;
    }

    /** Streams one document (large arrays without holding them in memory), then a line break. */
    static void streamed(PrintWriter out, Writing body) {
        try (JsonGenerator g = stream(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** Writes one value into a streaming generator (for use inside callbacks that cannot throw). */
    static void write(JsonGenerator g, Writing value) {
        try {
            value.write(g);
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
