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
 * {@code filter}: keeps the items (or the annotations) an XPath expression selects, as
 * {@code -e/--filter} and {@code --filter-mode} of {@code convert} and {@code export} do.
 * {@code --remove-empty} with an annotation mode also drops the items left without annotations.
 * Without an expression every item passes (the mode is still checked).
 */
@Component
@TransformName(name = FilterTransform.NAME, description = "Keeps the items or annotations an XPath expression selects")
public class FilterTransform implements DatasetTransform {
    public static final String NAME = "filter";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Keeps the items (or the annotations) of a dataset that an XPath 1.0 expression "
                        + "selects in each item's XML.")
                .value(List.of("-e", "--filter"), "FILTER", "XML XPath filter expression for dataset items (none: "
                        + "every item passes)")
                .value(List.of("-m", "--mode"), "MODE", "Filter mode (options: items, annotations, "
                        + "items+annotations; default: items)", "items")
                .flag("--remove-empty", "With an annotation mode, remove the items left without annotations");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        String mode = options.value("mode");
        ItemFilter.Mode checked = ItemFilter.modeOf(mode);
        if (options.value("filter") == null) {
            return source;
        }
        if (options.flag("remove-empty") && checked == ItemFilter.Mode.ANNOTATIONS) {
            mode = "items+annotations";
        }
        return new ItemFilter(options.value("filter"), mode).apply(source);
    }
}
