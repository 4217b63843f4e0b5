package dev.airlock.appliance.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;

/**
 * Many values bound as one parameter: a JSON array that SQL reads back with
 * {@code json_each(:values)} (its {@code value} column), so a statement that looks up a whole
 * batch has the same text, and the same cached preparation, for any number of values, and needs
 * no temporary table (creating one would change the schema and expire every prepared statement).
 */
public final class SqlValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlValues() {}

    /** {@code values} as a JSON array of strings, to bind where the SQL says {@code json_each(:name)}. */
    public static String jsonArray(Collection<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }
}
