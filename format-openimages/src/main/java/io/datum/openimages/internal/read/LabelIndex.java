package io.datum.openimages.internal.read;

import io.datum.model.LabelCategories;

/**
 * Label indexes looked up by the UTF-8 bytes of their names, as CSV cells hold them: every label,
 * box and mask row names its label, and a {@code HashMap<String, Integer>} lookup needed a new
 * String and its hash per row. Read-only once built, so the reading threads of a pass share one.
 */
final class LabelIndex {
    /** Names in label order; {@link LabelCategories} has no repeated name, so ordinal = index. */
    private final IdTable names = new IdTable();

    LabelIndex(LabelCategories labels) {
        for (int i = 0; i < labels.size(); i++) {
            names.add(labels.get(i).name());
        }
    }

    /** The index of the label named by {@code utf8[from, to)}, or -1. */
    int find(byte[] utf8, int from, int to) {
        return names.get(utf8, from, to);
    }
}
