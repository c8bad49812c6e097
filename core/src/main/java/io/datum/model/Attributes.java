package io.datum.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, insertion-ordered map of attribute names to values. The order is visible in
 * output (CVAT writes attributes in this order), so it is part of the value.
 *
 * <p>Values are {@link String}, {@link Boolean}, {@link Long} (integers) or {@link Double} (reals),
 * kept apart because the reference tool spells {@code 1} and {@code 1.0} differently. Other
 * integer and floating types are normalised to {@code Long} and {@code Double}; {@code null} stands
 * for Python's {@code None}.
 *
 * <p>Names and values are kept in two arrays, not a map: a reader makes one small set (three or
 * four attributes) for each of millions of annotations, and a hash map's table and entries were a
 * fifth of what a CVAT read allocated. Sets larger than {@value #INDEXED} get a name index.
 */
public final class Attributes {
    /** From this size on a set (and a builder) finds names through a hash index instead of a scan. */
    private static final int INDEXED = 16;
    private static final String[] NO_NAMES = new String[0];
    private static final Object[] NO_VALUES = new Object[0];
    private static final Attributes EMPTY = new Attributes(NO_NAMES, NO_VALUES, 0, null);

    // shared with the builder that made them, which copies before changing them again
    private final String[] names;
    private final Object[] values;
    private final int size;
    private final Map<String, Integer> index;
    private Map<String, Object> view;

    private Attributes(String[] names, Object[] values, int size, Map<String, Integer> index) {
        this.names = names;
        this.values = values;
        this.size = size;
        this.index = index;
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
        b.putAll(this);
        return b;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public boolean has(String name) {
        return find(names, size, index, name) >= 0;
    }

    /** The value, or {@code null} when absent (use {@link #has} to tell absent from None). */
    public Object get(String name) {
        int i = find(names, size, index, name);
        return i < 0 ? null : values[i];
    }

    /** The value, or {@code fallback} when the name is absent (one lookup where get and has would take two). */
    public Object getOrDefault(String name, Object fallback) {
        int i = find(names, size, index, name);
        return i < 0 ? fallback : values[i];
    }

    /** Each name and value, in order. */
    public void forEach(BiConsumer<String, Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    public Set<String> names() {
        return asMap().keySet();
    }

    public Set<Map.Entry<String, Object>> entries() {
        return asMap().entrySet();
    }

    /** An unmodifiable, ordered map view. */
    public Map<String, Object> asMap() {
        Map<String, Object> v = view;
        if (v == null) {
            view = v = new View();
        }
        return v;
    }

    /** A copy with {@code name} set; an existing name keeps its position, as in a Python dict. */
    public Attributes with(String name, Object value) {
        return toBuilder().put(name, value).build();
    }

    public Attributes without(String name) {
        if (!has(name)) {
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

    /** Where {@code name} is among the first {@code size} names, or -1: by identity first (names are mostly shared constants). */
    private static int find(String[] names, int size, Map<String, Integer> index, String name) {
        if (index != null) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Same names in the same order with equal values (the order is part of the value). */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Attributes other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(other.names[i]) || !Objects.equals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    /** As a {@link Map}'s hash code. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += names[i].hashCode() ^ Objects.hashCode(values[i]);
        }
        return h;
    }

    /** As a {@link Map}'s: {@code {name=value, ...}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    /** The names, in order, as a list (convenience for tests and writers). */
    public List<String> nameList() {
        return List.of(Arrays.copyOf(names, size));
    }

    /** The unmodifiable map over the arrays that {@link #asMap()} gives. */
    private final class View extends AbstractMap<String, Object> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && has(name);
        }

        @Override
        public Object get(Object key) {
            return key instanceof String name ? Attributes.this.get(name) : null;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < size; i++) {
                action.accept(names[i], values[i]);
            }
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[i]);
                        }
                    };
                }
            };
        }
    }

    /** Collects attributes in order; the last value for a name wins, at the first position. */
    public static final class Builder {
        private String[] names = NO_NAMES;
        private Object[] values = NO_VALUES;
        private int size;
        private Map<String, Integer> index;
        /** The arrays belong to a built Attributes: copied before the next change (a reader builds
         *  millions of attribute sets, each once: copying every one cost a tenth of a CVAT read). */
        private boolean built;
        /** What build() made before, by a hash of the content, when asked to hand it out again; else null. */
        private Attributes[] reusable;

        private Builder() {
        }

        /**
         * Makes {@link #build()} hand out again an Attributes it built before (one of a few
         * hundred, by a hash of the content) when it would hold the same names and values in the
         * same order: for readers of millions of annotations whose attributes repeat a few hundred
         * sets, where a new set each time was a third of what a read allocated (of Open Images'
         * attribute sets met again, 61 % were found among 64 kept, 91 % among 512). Attributes
         * are immutable, so sharing one is not seen.
         */
        public Builder reusingBuilt() {
            if (reusable == null) {
                reusable = new Attributes[REUSABLE_SETS];
            }
            return this;
        }

        private static final int REUSABLE_SETS = 512;

        private void own(int capacity) {
            if (built || capacity > names.length) {
                int length = Math.max(capacity, built ? names.length : Math.max(4, names.length * 2));
                names = Arrays.copyOf(names, length);
                values = Arrays.copyOf(values, length);
                if (index != null && built) {
                    index = new HashMap<>(index);
                }
                built = false;
            }
        }

        public Builder put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Object v = normalise(value);
            int i = find(names, size, index, name);
            own(i >= 0 ? size : size + 1);
            if (i >= 0) {
                values[i] = v;
                return this;
            }
            names[size] = name;
            values[size] = v;
            if (index != null) {
                index.put(name, size);
            } else if (size + 1 >= INDEXED) {
                reindex(size + 1);
            }
            size++;
            return this;
        }

        public Builder putAll(Attributes other) {
            for (int i = 0; i < other.size; i++) {
                put(other.names[i], other.values[i]);
            }
            return this;
        }

        public Builder remove(String name) {
            int i = find(names, size, index, name);
            if (i < 0) {
                return this;
            }
            own(size);
            System.arraycopy(names, i + 1, names, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            names[size] = null;
            values[size] = null;
            if (index != null) {
                reindex(size);
            }
            return this;
        }

        private void reindex(int count) {
            if (count < INDEXED) {
                index = null;
                return;
            }
            index = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                index.put(names[i], i);
            }
        }

        public boolean has(String name) {
            return find(names, size, index, name) >= 0;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        /** Forgets every name, to collect the next set (what was built stays as it was). */
        public Builder clear() {
            if (built) {
                names = NO_NAMES;
                values = NO_VALUES;
                built = false;
            } else {
                Arrays.fill(names, 0, size, null);
                Arrays.fill(values, 0, size, null);
            }
            size = 0;
            index = null;
            return this;
        }

        public Attributes build() {
            if (size == 0) {
                return EMPTY;
            }
            int slot = 0;
            if (reusable != null) {
                int h = 0;
                for (int i = 0; i < size; i++) {
                    h = 31 * h + (names[i].hashCode() ^ Objects.hashCode(values[i]));
                }
                slot = (h ^ h >>> 16) & (REUSABLE_SETS - 1);
                Attributes before = reusable[slot];
                if (before != null && holdsInOrder(before)) {
                    return before;  // the arrays stay this builder's: nothing to copy on the next change
                }
            }
            built = true;
            Attributes made = new Attributes(names, values, size, index);
            if (reusable != null) {
                reusable[slot] = made;
            }
            return made;
        }

        /** Whether {@code a} has this builder's names and values, in the same order (values by equals: 0.0 is not -0.0). */
        private boolean holdsInOrder(Attributes a) {
            if (a.size != size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (!names[i].equals(a.names[i]) || !Objects.equals(values[i], a.values[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
