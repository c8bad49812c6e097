package io.datum.core.internal.transforms;

import io.datum.model.Image;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * {@code id_from_image_name}: an item's id becomes its image's file name without the extension;
 * an item without an image file keeps its id (said at debug level).
 */
@Component
@TransformName(name = IdFromImageName.NAME, description = "Sets each item id to its image file name without extension")
public class IdFromImageName implements DatasetTransform {
    public static final String NAME = "id_from_image_name";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME).description("Renames items in the dataset using image file name "
                + "(without extension).");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return ItemStage.mapping(source, item -> {
            Path path = item.image() == null ? null : item.image().path().orElse(null);
            if (path == null) {
                if (context.debugEnabled()) {
                    context.debug("Can't change item id for item '" + item.id() + "': item has no path info");
                }
                return item;
            }
            String name = path.getFileName().toString();
            String extension = Image.extensionOf(name);
            return ItemStage.withId(item, name.substring(0, name.length() - extension.length()));
        }, ItemStage.Counts.SAME);
    }
}
