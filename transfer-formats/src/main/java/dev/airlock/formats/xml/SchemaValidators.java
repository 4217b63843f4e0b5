package dev.airlock.formats.xml;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Hardened validators of one compiled schema, kept for reuse: a {@link Validator} costs about as
 * much to create as to validate a small file (intake validates thousands), but it is not
 * thread-safe, so each validation takes an idle one (or a new one) and gives it back after a
 * clean run; one that threw is dropped. Thread-safe.
 */
public final class SchemaValidators {
    /** Idle validators kept at most (more only when that many validations run at once). */
    private static final int MAX_IDLE = 4;

    private final Schema schema;
    private final ConcurrentLinkedQueue<Validator> idle = new ConcurrentLinkedQueue<>();

    public SchemaValidators(Schema schema) {
        this.schema = schema;
    }

    /** Validates {@code source}; external DTDs and schemas are never fetched. */
    public void validate(Source source) throws SAXException, IOException {
        Validator v = idle.poll();
        if (v == null) {
            v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        }
        v.validate(source); // a validator that threw is not given back
        if (idle.size() < MAX_IDLE) {
            idle.offer(v);
        }
    }
}
