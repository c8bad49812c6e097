package io.datum.core.internal.transforms;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * {@code map_subsets}: moves the items of subset {@code src} to subset {@code dst}
 * ({@code -s src:dst}); two subsets mapped to one are joined, and the items of a subset not
 * mentioned stay where they are. The subset sizes are known from the source's without reading.
 */
@Component
@TransformName(name = MapSubsets.NAME, description = "Renames and joins subsets")
public class MapSubsets implements DatasetTransform {
    public static final String NAME = "map_subsets";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Renames subsets in the dataset.")
                .repeated(List.of("-s", "--subset"), "SUBSET", "Subset mapping of the form: 'src:dst' (repeatable)");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : options.values("subset")) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw options().error("argument -s/--subset: invalid value: '" + pair + "' (expected 'src:dst')");
            }
            mapping.put(parts[0], parts[1]);
        }
        return new ItemStage(source, source.categories(),
                () -> item -> item.withSubset(mapping.getOrDefault(item.subset(), item.subset())),
                ItemStage.Counts.SAME_TOTAL) {
            @Override
            public Optional<Map<String, Long>> subsetSizes() {
                return source.subsetSizes().map(sizes -> {
                    Map<String, Long> mapped = new LinkedHashMap<>();
                    sizes.forEach((subset, n) -> mapped.merge(mapping.getOrDefault(subset, subset), n, Long::sum));
                    return mapped;
                });
            }
        };
    }
}
