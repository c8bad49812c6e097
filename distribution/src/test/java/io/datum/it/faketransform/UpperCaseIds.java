package io.datum.it.faketransform;

import io.datum.model.DatasetItem;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * A "third-party" transform, built into a bundle of its own at test time: item ids in upper case.
 * It uses only what core exports.
 */
@Component
@TransformName(name = UpperCaseIds.NAME, description = "Item ids in upper case")
public class UpperCaseIds implements DatasetTransform {
    public static final String NAME = "upper_case_ids";
    public static final String SYMBOLIC_NAME = "io.datum.it.faketransform";

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return Datasets.wrapping(source, inner -> new ItemCursor() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public DatasetItem next() {
                DatasetItem item = inner.next();
                return new DatasetItem(item.id().toUpperCase(Locale.ROOT), item.subset(), item.image(),
                        item.annotations(), item.attributes());
            }

            @Override
            public void close() {
                inner.close();
            }
        }, true);
    }
}
