package io.datum.openimages.internal.read;

import io.datum.model.DatasetItem;
import io.datum.openimages.internal.OpenImagesPaths;
import java.util.List;

/**
 * An item of an Open Images source and what it warns about, given only by the first pass that
 * reaches the item. Debug lines are made only when debug output is on (else null).
 */
record AssembledItem(DatasetItem item, boolean noImage, int boxesWithoutSize, int masksWithoutSize,
                     int masksWithoutFile, int pointsWithoutSize, List<String> debug) {
    void warnInto(WarningTally warnings) {
        if (noImage) {
            warnings.warn(OpenImagesSource.WARN_NO_IMAGE, 1);
        }
        warnings.warn(OpenImagesSource.WARN_BOX_WITHOUT_SIZE, boxesWithoutSize);
        warnings.warn(OpenImagesSource.WARN_MASK_WITHOUT_SIZE, masksWithoutSize);
        warnings.warn(OpenImagesSource.WARN_POINT_WITHOUT_SIZE, pointsWithoutSize);
        // the folder is the detail: one count per subset, however many masks are missing
        warnings.warn(OpenImagesSource.WARN_MASK_WITHOUT_FILE,
                OpenImagesPaths.MASKS_DIR + "/" + item.subset() + "/", masksWithoutFile);
        if (debug != null) {
            debug.forEach(warnings::debug);
        }
    }
}
