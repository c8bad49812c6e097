package io.datum.openimages.internal.write;

import io.datum.model.Image;
import io.datum.model.ImageSize;

/** The item's image size, looked up (file header) only when a box or mask needs it. */
final class ItemSize {
    private final Image image;
    private boolean resolved;
    private ImageSize size;

    ItemSize(Image image) {
        this.image = image;
    }

    ImageSize get() {
        if (!resolved) {
            size = image == null ? null : image.size().orElse(null);
            resolved = true;
        }
        return size;
    }
}
