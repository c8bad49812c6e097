package io.datum.core.internal.pipeline;

import io.datum.api.MergeOptions;
import io.datum.api.MergeReport;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.options.ParsedOptions;
import io.datum.spi.AbstractItemCursor;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Datasets merged with the reference's {@code intersect} policy ({@link IntersectMerge}): one item
 * per subset and id found in any of them, its annotations voted across the datasets. The items
 * come in the order of subset, then id, from {@link KeyOrderedInputs}, so only one key's items are
 * held. Each pass empties the report and fills it again.
 */
final class IntersectMergeSource implements DatasetSource {
    private final List<DatasetSource> parts;
    private final MergeOptions options;
    private final Categories categories;
    private final List<LabelCategories> sourceLabels;
    private final KeyOrderedInputs streams;

    IntersectMergeSource(List<DatasetSource> parts, List<String> names, MergeOptions options, Path tempDir,
                         int recordsPerRun) {
        this.parts = List.copyOf(parts);
        this.options = options;
        this.sourceLabels = parts.stream().map(p -> p.categories().labels()).toList();
        LabelCategories united = MergeSources.unitedLabels(sourceLabels);
        this.categories = new Categories(united);
        // checks the groups against the labels now, before anything is read
        new IntersectMerge(options, sourceLabels, united);
        this.streams = new KeyOrderedInputs(this.parts, names, recordsPerRun, tempDir,
                KeyOrderedInputs.OrderCheck.WHOLE_INPUT, false);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public void prepareFor(String exportFormat, ParsedOptions exportOptions) {
        parts.forEach(part -> part.prepareFor(exportFormat, exportOptions));
    }

    /** Inputs whose sort spilled to disk, for tests. */
    int spilledInputs() {
        return streams.spilledInputs();
    }

    @Override
    public ItemCursor items() {
        MergeReport report = options.report();
        if (report != null) {
            report.clear();
        }
        IntersectMerge merge = new IntersectMerge(options, sourceLabels, categories.labels());
        KeyOrderedInputs.Pass pass = streams.pass();
        List<IntersectMerge.ItemError> errors = new ArrayList<>();
        return new AbstractItemCursor() {
            @Override
            protected DatasetItem computeNext() {
                DatasetItem[] group = pass.next();
                if (group == null) {
                    return null;
                }
                errors.clear();
                DatasetItem item = merge.merge(group, errors);
                if (report != null) {
                    errors.forEach(e -> report.add(e.key(), e.sources(), e.text()));
                }
                return item;
            }

            @Override
            public void close() {
                pass.close();
            }
        };
    }

    @Override
    public void close() {
        streams.close();
        parts.forEach(DatasetSource::close);
    }
}
