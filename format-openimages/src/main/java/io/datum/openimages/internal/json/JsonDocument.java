package io.datum.openimages.internal.json;

import com.google.gson.JsonElement;
import io.datum.spi.DatasetException;
import java.util.Map;

/**
 * A JSON file read by {@link StrictJsonParser}: its root value, and where each value (but
 * {@code null}) starts, so that a value of the wrong shape is reported at its line and column.
 */
public final class JsonDocument {
    private final String displayName;
    private final JsonElement root;
    /** Line in the high 32 bits, column in the low ones; keyed by identity. */
    private final Map<JsonElement, Long> positions;
    private final long rootAt;

    JsonDocument(String displayName, JsonElement root, Map<JsonElement, Long> positions, long rootAt) {
        this.displayName = displayName;
        this.root = root;
        this.positions = positions;
        this.rootAt = rootAt;
    }

    public JsonElement root() {
        return root;
    }

    /**
     * A problem with {@code value}, at its position; at {@code container}'s when the value has
     * none of its own (a {@code null}, which is one shared instance), or at the root's.
     */
    public DatasetException error(JsonElement value, JsonElement container, String problem) {
        Long at = positions.get(value);
        if (at == null) {
            at = positions.getOrDefault(container, rootAt);
        }
        return DatasetException.at(displayName, at >>> 32, at & 0xFFFF_FFFFL, problem);
    }

    /** A problem with {@code value}, at its position. */
    public DatasetException error(JsonElement value, String problem) {
        return error(value, value, problem);
    }
}
