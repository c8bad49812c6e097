package io.datum.model;

import java.util.Objects;

/**
 * Everything a dataset declares besides its items. Today: labels (with parents and attribute
 * declarations). Mask colour maps and point skeletons join here when a format needs them.
 */
public record Categories(LabelCategories labels) {
    public Categories {
        Objects.requireNonNull(labels, "labels");
    }

    public static Categories empty() {
        return new Categories(LabelCategories.empty());
    }
}
