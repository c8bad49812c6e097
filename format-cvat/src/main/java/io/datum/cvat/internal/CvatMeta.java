package io.datum.cvat.internal;

import io.datum.model.ImageSize;
import io.datum.model.LabelCategory;
import java.util.List;
import java.util.Map;

/**
 * What a CVAT file's {@code <meta>} says.
 *
 * @param kind           task, job or project export
 * @param labels         every {@code <label>} in document order, duplicates merged
 * @param attributeTypes input type by attribute name, over all labels (the last declaration wins,
 *                       as in Datumaro; it decides which values are read as numbers)
 * @param originalSize   the video frame size of {@code <original_size>}, or null
 * @param subsets        a project's {@code <subset>} texts in document order, duplicates removed
 */
public record CvatMeta(Kind kind, List<LabelCategory> labels, Map<String, String> attributeTypes, ImageSize originalSize,
                List<String> subsets) {
    public enum Kind { TASK, JOB, PROJECT }
}
