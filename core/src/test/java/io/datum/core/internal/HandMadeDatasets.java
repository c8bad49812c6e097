package io.datum.core.internal;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ItemCursor;
import java.util.ArrayList;
import java.util.List;

/** Small datasets written out in a test, and every item of a source read back as a list. */
public final class HandMadeDatasets {
    private HandMadeDatasets() {
    }

    public static DatasetSource of(LabelCategories labels, DatasetItem... items) {
        return Datasets.of(new Categories(labels), List.of(items));
    }

    /** An item without media. */
    public static DatasetItem item(String id, String subset, Annotation... annotations) {
        return new DatasetItem(id, subset, null, List.of(annotations));
    }

    /** A box from (x1, y1) to (x2, y2), without id, group, z-order or attributes; {@code label} may be null. */
    public static Bbox box(Integer label, double x1, double y1, double x2, double y2) {
        return new Bbox(label, x1, y1, x2, y2, 0, 0, 0, Attributes.empty(), null);
    }

    /** Every item of one pass over {@code source}, in its order. */
    public static List<DatasetItem> items(DatasetSource source) {
        List<DatasetItem> all = new ArrayList<>();
        try (ItemCursor c = source.items()) {
            while (c.hasNext()) {
                all.add(c.next());
            }
        }
        return all;
    }
}
