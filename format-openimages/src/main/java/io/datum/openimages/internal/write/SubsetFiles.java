package io.datum.openimages.internal.write;

import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.read.ColumnsAsRead;
import io.datum.openimages.internal.read.PointLabelFile;
import io.datum.openimages.internal.read.RelationshipFile;
import io.datum.support.stream.WriteBehind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The CSV files of one subset; the annotation files appear only when they get a row. */
final class SubsetFiles {
    final LazyCsv descriptions;
    final LazyCsv labels;
    final LazyCsv boxes;
    final LazyCsv masks;
    final LazyCsv points;
    final LazyCsv relations;

    SubsetFiles(String subset, boolean keep, Path annotationsDir, WriteBehind behind, Set<String> written)
            throws IOException {
        descriptions = new LazyCsv(annotationsDir, behind, written, subset + OpenImagesPaths.IMAGE_DESCRIPTION_SUFFIX,
                OpenImagesPaths.IMAGE_DESCRIPTION_FIELDS, keep ? ColumnsAsRead.DESCRIPTIONS : null);
        labels = new LazyCsv(annotationsDir, behind, written, subset + OpenImagesPaths.LABEL_FILE_SUFFIX,
                OpenImagesPaths.LABEL_FIELDS, keep ? ColumnsAsRead.LABELS : null);
        boxes = new LazyCsv(annotationsDir, behind, written, subset + OpenImagesPaths.BBOX_FILE_SUFFIX,
                OpenImagesPaths.BBOX_FIELDS, keep ? ColumnsAsRead.BOXES : null);
        masks = new LazyCsv(annotationsDir, behind, written, subset + OpenImagesPaths.MASK_FILE_SUFFIX,
                OpenImagesPaths.MASK_FIELDS, keep ? ColumnsAsRead.MASKS : null);
        points = new LazyCsv(annotationsDir, behind, written, PointLabelFile.fileName(subset), PointLabelFile.FIELDS, null);
        relations = new LazyCsv(annotationsDir, behind, written, RelationshipFile.fileName(subset), RelationshipFile.FIELDS,
                null);
        if (!keep) {
            descriptions.open();
        }
    }

    void commit() throws IOException {
        for (LazyCsv f : List.of(descriptions, labels, boxes, masks, points, relations)) {
            f.commit();
        }
    }

    void abort(Exception failure) {
        for (LazyCsv f : List.of(descriptions, labels, boxes, masks, points, relations)) {
            try {
                f.abort();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
