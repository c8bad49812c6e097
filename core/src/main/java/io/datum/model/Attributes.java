package io.datum.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, insertion-ordered map of attribute names to values. The order is visible in
 * output (CVAT writes attributes in this order), so it is part of the value.
 *
 * <p>Values are {@link String}, {@link Boolean}, {@link Long} (integers) or {@link Double} (reals),
 * kept apart because the reference tool spells {@code 1} and {@code 1.0} differently. Other
 * integer and floating types are normalised to {@code Long} and {@code Double}; {@code null} stands
 * for Python's {@code None}.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Collections.emptyMap());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    /** Alternating names and values: {@code Attributes.of("score", 0.5, "occluded", true)}. */
    public static Attributes of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value, or {@code null} when absent (use {@link #has} to tell absent from None). */
    public Object get(String name) {
        return values.get(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public Set<Map.Entry<String, Object>> entries() {
        return values.entrySet();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** A copy with {@code name} set; an existing name keeps its position, as in a Python dict. */
    public Attributes with(String name, Object value) {
        return toBuilder().put(name, value).build();
    }

    public Attributes without(String name) {
        if (!values.containsKey(name)) {
            return this;
        }
        return toBuilder().remove(name).build();
    }

    static Object normalise(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        throw new IllegalArgumentException("unsupported attribute value type: " + value.getClass().getName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes && values.equals(((Attributes) o).values)
                && new ArrayList<>(values.keySet()).equals(new ArrayList<>(((Attributes) o).values.keySet()));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects attributes in order; the last value for a name wins, at the first position. */
    public static final class Builder {
        private LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        /** {@code values} belongs to a built Attributes: copied before the next change (a reader
         *  builds millions of attribute sets, each once: copying every one cost a tenth of a CVAT read). */
        private boolean built;

        private Builder() {
        }

        private LinkedHashMap<String, Object> owned() {
            if (built) {
                values = new LinkedHashMap<>(values);
                built = false;
            }
            return values;
        }

        public Builder put(String name, Object value) {
            owned().put(Objects.requireNonNull(name, "name"), normalise(value));
            return this;
        }

        public Builder putAll(Attributes other) {
            LinkedHashMap<String, Object> mine = owned();
            for (Map.Entry<String, Object> e : other.values.entrySet()) {
                mine.put(e.getKey(), e.getValue());
            }
            return this;
        }

        public Builder remove(String name) {
            owned().remove(name);
            return this;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }

        public Attributes build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            built = true;
            return new Attributes(Collections.unmodifiableMap(values));
        }
    }

    /** The names, in order, as a list (convenience for tests and writers). */
    public List<String> nameList() {
        return List.copyOf(values.keySet());
    }
}
