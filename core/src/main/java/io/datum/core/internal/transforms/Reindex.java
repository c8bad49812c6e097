package io.datum.core.internal.transforms;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code reindex}: the item ids become consecutive numbers from {@code --start} (default 1) in
 * the order the items are read, across all subsets. Every pass numbers from the start again, so
 * the passes of an export agree as long as the source reads in the same order each time.
 */
@Component
@TransformName(name = Reindex.NAME, description = "Replaces the item ids with consecutive numbers")
public class Reindex implements DatasetTransform {
    public static final String NAME = "reindex";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Replaces dataset item IDs with sequential indices.")
                .value(List.of("-s", "--start"), "START", "Start value for item ids (default: 1)", "1");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        long start = options().intValue("-s/--start", options.value("start"));
        return new ItemStage(source, source.categories(), () -> {
            long[] next = {start};
            return item -> ItemStage.withId(item, Long.toString(next[0]++));
        }, ItemStage.Counts.SAME);
    }
}
