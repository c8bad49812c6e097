package io.datum.core.internal.transforms;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** {@code remove_items}: drops the items named by {@code --id id:subset}. */
@Component
@TransformName(name = RemoveItems.NAME, description = "Removes the items named by id and subset")
public class RemoveItems implements DatasetTransform {
    public static final String NAME = "remove_items";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Allows to remove specific dataset items from dataset by their ids.")
                .repeated(List.of("--id"), "IDS", "Item id to remove. Id is '<id>:<subset>' pair (repeatable)");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        Set<ItemKey> removed = ItemKey.parseAll(options.values("id"), false, options());
        if (removed.isEmpty()) {
            return source;
        }
        return ItemStage.mapping(source, item -> removed.contains(ItemKey.of(item)) ? null : item,
                ItemStage.Counts.UNKNOWN);
    }
}
