package io.datum.openimages.internal.read;

import io.datum.model.ImageSize;

/** Sizes from {@code images.meta} for the items of the catalog; other ids are ignored. */
final class DeclaredSizes implements ImageMetaFile.Utf8Entries {
    private final ItemCatalog catalog;
    /** The file usually lists items in catalog order: look next to the last one first. */
    private int last = -1;
    /** Some id was not in the catalog (yet). */
    private boolean missed;

    DeclaredSizes(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void accept(byte[] utf8, int from, int to, ImageSize size) {
        int position = catalog.positionOf(utf8, from, to, last + 1);
        if (position >= 0) {
            catalog.setDeclaredSize(position, size);
            last = position;
        } else {
            missed = true;
        }
    }

    /** Whether the file named an id that was not in the catalog (yet). */
    boolean missed() {
        return missed;
    }
}
