package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code remove_annotations}: removes all annotations of the items named by
 * {@code --id id:subset}, or one annotation with {@code --id id:subset:annotation_id}; without
 * {@code --id}, the annotations of every item. The items themselves stay.
 */
@Component
@TransformName(name = RemoveAnnotations.NAME, description = "Removes annotations of some or all items")
public class RemoveAnnotations implements DatasetTransform {
    public static final String NAME = "remove_annotations";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Allows to remove annotations on specific dataset items. Can be useful to clean the "
                        + "dataset from broken or unnecessary annotations.")
                .repeated(List.of("--id"), "IDS", "Image id to clean from annotations. Id is '<id>:<subset>[:<annotation "
                        + "id>]'. If not specified, removes all annotations (repeatable)");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        Set<ItemKey> keys = ItemKey.parseAll(options.values("id"), true, options());
        if (keys.isEmpty()) {
            return ItemStage.mapping(source, item -> item.withAnnotations(List.of()), ItemStage.Counts.SAME);
        }
        Set<ItemKey> wholeItems = new HashSet<>();
        Set<ItemKey> itemsWithSome = new HashSet<>();
        for (ItemKey key : keys) {
            (key.annotation() == null ? wholeItems : itemsWithSome).add(key.item());
        }
        return ItemStage.mapping(source, item -> {
            ItemKey key = ItemKey.of(item);
            if (wholeItems.contains(key)) {
                return item.withAnnotations(List.of());
            }
            if (!itemsWithSome.contains(key)) {
                return item;
            }
            List<Annotation> kept = item.annotations().stream()
                    .filter(a -> !keys.contains(new ItemKey(item.id(), item.subset(), a.id()))).toList();
            return item.withAnnotations(kept);
        }, ItemStage.Counts.SAME);
    }
}
