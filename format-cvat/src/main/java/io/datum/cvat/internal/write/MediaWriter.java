package io.datum.cvat.internal.write;

import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.spi.DatasetException;
import io.datum.spi.JobContext;
import io.datum.support.media.MediaFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes items' images into {@code images/} ({@link MediaFolder}: names kept inside the folder, no
 * link written through, a byte copy or a re-encoding), and says which items had no image to save.
 */
final class MediaWriter {
    private final MediaFolder images;
    private final JobContext context;

    MediaWriter(Path imagesDir, JobContext context) {
        this.images = new MediaFolder(imagesDir);
        this.context = context;
    }

    void save(DatasetItem item, String name) throws IOException {
        try {
            images.resolve(name);
        } catch (DatasetException e) {
            throw new DatasetException("Item '" + item.id() + "' of subset '" + item.subset() + "': image name '" + name
                    + "': " + e.getMessage());
        }
        Image image = item.image();
        if (image == null) {
            if (context.debugEnabled()) {
                context.debug("Item '" + item.id() + "' has no image info");
            }
            return;
        }
        if (!image.hasData()) {
            context.warn("items without an image file: no image saved for them");
            if (context.debugEnabled()) {
                context.debug("Item '" + item.id() + "' of subset '" + item.subset() + "' has no image file");
            }
            return;
        }
        try {
            images.save(image, name);
        } catch (DatasetException e) {
            throw new DatasetException("Item '" + item.id() + "': " + e.getMessage(), e);
        }
    }
}
