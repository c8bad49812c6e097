package io.datum.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One label: its name, its parent's name ("" for none), its declared attributes, in declaration
 * order, and the human-readable name a format gives it besides ("" for none; Open Images' class
 * descriptions pair each machine id such as {@code /m/01g317} with a display name such as
 * {@code Person}).
 */
public record LabelCategory(String name, String parent, List<AttributeSpec> attributes, String displayName) {
    public LabelCategory {
        Objects.requireNonNull(name, "name");
        parent = parent == null ? "" : parent;
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        displayName = displayName == null ? "" : displayName;
    }

    /** A label without a display name. */
    public LabelCategory(String name, String parent, List<AttributeSpec> attributes) {
        this(name, parent, attributes, "");
    }

    public LabelCategory(String name) {
        this(name, "", List.of());
    }

    public Optional<AttributeSpec> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    public LabelCategory withParent(String newParent) {
        return new LabelCategory(name, newParent, attributes, displayName);
    }

    public LabelCategory withDisplayName(String newDisplayName) {
        return new LabelCategory(name, parent, attributes, newDisplayName);
    }
}
