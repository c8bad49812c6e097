package io.datum.core.internal.pipeline;

import io.datum.api.MergeOptions;
import io.datum.api.MergeReport;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Datasets merged with the reference's {@code intersect} policy ({@link IntersectMerge}): one item
 * per subset and id found in any of them, its annotations voted across the datasets. The items
 * come key by key ({@link KeyJoinedMergeSource}), so only one key's items are held. Each pass
 * empties the report and fills it again.
 */
final class IntersectMergeSource extends KeyJoinedMergeSource {
    private final MergeOptions options;
    private final List<LabelCategories> sourceLabels;

    IntersectMergeSource(List<DatasetSource> parts, List<String> names, MergeOptions options, Path tempDir,
                         int sortBuffer) {
        super(parts, names, new Categories(MergeSources.unitedLabels(labelsOf(parts))), tempDir, sortBuffer);
        this.options = options;
        this.sourceLabels = labelsOf(parts);
        // checks the groups against the labels now, before anything is read
        new IntersectMerge(options, sourceLabels, categories().labels());
    }

    /** A new merge (its votes start afresh) and an emptied report for each pass. */
    @Override
    Function<DatasetItem[], DatasetItem> startPass() {
        MergeReport report = options.report();
        if (report != null) {
            report.clear();
        }
        IntersectMerge merge = new IntersectMerge(options, sourceLabels, categories().labels());
        List<IntersectMerge.ItemError> errors = new ArrayList<>();
        return group -> {
            errors.clear();
            DatasetItem item = merge.merge(group, errors);
            if (report != null) {
                errors.forEach(e -> report.add(e.key(), e.sources(), e.text()));
            }
            return item;
        };
    }
}
