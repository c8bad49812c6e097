package io.datum.core.internal.pipeline;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.options.ParsedOptions;
import io.datum.spi.AbstractItemCursor;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A merge that joins the items of one subset and id across its inputs into one item: the items
 * come key by key from {@link KeyOrderedInputs} (each input read as it is when in key order,
 * sorted on disk once otherwise), so one key's items are held at a time. A policy states only its
 * categories and how it makes one item of a key's items.
 */
abstract class KeyJoinedMergeSource implements DatasetSource {
    private final List<DatasetSource> parts;
    private final Categories categories;
    private final KeyOrderedInputs inputs;

    KeyJoinedMergeSource(List<DatasetSource> parts, List<String> names, Categories categories, Path tempDir,
                         int sortBuffer) {
        this.parts = List.copyOf(parts);
        this.categories = categories;
        // a merge's items leave as they are made, so a pass cannot start again: each input's order
        // is learnt by reading it whole before the first pass
        this.inputs = new KeyOrderedInputs(this.parts, names, sortBuffer, tempDir,
                KeyOrderedInputs.OrderCheck.WHOLE_INPUT, false);
    }

    /** The label categories of each input, in input order. */
    static List<LabelCategories> labelsOf(List<DatasetSource> parts) {
        return parts.stream().map(p -> p.categories().labels()).toList();
    }

    /** What one pass makes of each key's items (by input, null where an input lacks the key); new for each pass. */
    abstract Function<DatasetItem[], DatasetItem> startPass();

    @Override
    public final Categories categories() {
        return categories;
    }

    @Override
    public final void prepareFor(String exportFormat, ParsedOptions exportOptions) {
        parts.forEach(part -> part.prepareFor(exportFormat, exportOptions));
    }

    /** Inputs whose sort spilled to disk, for tests. */
    final int spilledInputs() {
        return inputs.spilledInputs();
    }

    @Override
    public final ItemCursor items() {
        Function<DatasetItem[], DatasetItem> join = startPass();
        KeyOrderedInputs.Pass pass = inputs.pass();
        return new AbstractItemCursor() {
            @Override
            protected DatasetItem computeNext() {
                DatasetItem[] group = pass.next();
                return group == null ? null : join.apply(group);
            }

            @Override
            public void close() {
                pass.close();
            }
        };
    }

    @Override
    public final void close() {
        inputs.close();
        parts.forEach(DatasetSource::close);
    }
}
