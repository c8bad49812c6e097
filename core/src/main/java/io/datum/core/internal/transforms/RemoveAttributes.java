package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code remove_attributes}: removes the {@code -a} attributes (all without {@code -a}) from the
 * items named by {@code --id id:subset} (every item without {@code --id}) and from their
 * annotations.
 */
@Component
@TransformName(name = RemoveAttributes.NAME, description = "Removes item and annotation attributes")
public class RemoveAttributes implements DatasetTransform {
    public static final String NAME = "remove_attributes";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Allows to remove item and annotation attributes in a dataset. Can be useful to clean "
                        + "the dataset from broken or unnecessary attributes.")
                .repeated(List.of("--id"), "IDS", "Image id to clean from annotations. Id is '<id>:<subset>' pair. If "
                        + "not specified, affects all items and annotations (repeatable)")
                .repeated(List.of("-a", "--attr"), "ATTRIBUTES", "Attribute name to be removed. If not specified, "
                        + "removes all attributes (repeatable)");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        Set<ItemKey> items = ItemKey.parseAll(options.values("id"), false, options());
        List<String> names = options.values("attr");
        return ItemStage.mapping(source, item -> {
            if (!items.isEmpty() && !items.contains(ItemKey.of(item))) {
                return item;
            }
            List<Annotation> annotations = new ArrayList<>(item.annotations().size());
            for (Annotation a : item.annotations()) {
                Attributes left = without(a.attributes(), names);
                annotations.add(left == a.attributes() ? a : a.withAttributes(left));
            }
            return item.withAttributes(without(item.attributes(), names)).withAnnotations(annotations);
        }, ItemStage.Counts.SAME);
    }

    /** {@code attributes} without {@code names}, or without any when {@code names} is empty. */
    private static Attributes without(Attributes attributes, List<String> names) {
        if (names.isEmpty()) {
            return Attributes.empty();
        }
        Attributes left = attributes;
        for (String name : names) {
            if (left.has(name)) {
                left = left.without(name);
            }
        }
        return left;
    }
}
