package io.datum.model;

import java.util.List;
import java.util.Objects;

/**
 * A declared attribute of a label: its name and, when the source format declares them (CVAT),
 * whether it is mutable, its input type ({@code checkbox}, {@code radio}, {@code select},
 * {@code number}, {@code text}), its default value and its allowed values (decisions D20).
 * A format without declarations gives only the name ({@link #named}).
 */
public record AttributeSpec(String name, boolean mutable, String inputType, String defaultValue, List<String> values) {
    public AttributeSpec {
        Objects.requireNonNull(name, "name");
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** An attribute known only by name: {@code inputType} is null. */
    public static AttributeSpec named(String name) {
        return new AttributeSpec(name, true, null, null, List.of());
    }

    /** True when the source declared more than the name. */
    public boolean isTyped() {
        return inputType != null;
    }
}
