package io.datum.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One label: its name, its parent's name ("" for none) and its declared attributes, in declaration order. */
public record LabelCategory(String name, String parent, List<AttributeSpec> attributes) {
    public LabelCategory {
        Objects.requireNonNull(name, "name");
        parent = parent == null ? "" : parent;
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public LabelCategory(String name) {
        this(name, "", List.of());
    }

    public Optional<AttributeSpec> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    public LabelCategory withParent(String newParent) {
        return new LabelCategory(name, newParent, attributes);
    }
}
