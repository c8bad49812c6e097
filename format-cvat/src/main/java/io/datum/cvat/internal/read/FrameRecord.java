package io.datum.cvat.internal.read;

import io.datum.model.Annotation;
import io.datum.model.ImageSize;

/**
 * What the body of a CVAT file says about one frame, in document order: an annotation (at the end
 * of its shape or tag) or an image (at the end of its {@code <image>}). Items are the frames in
 * order of their first record.
 */
sealed interface FrameRecord permits FrameRecord.AnnotationRecord, FrameRecord.ImageRecord {
    /** The {@code subset} attribute of the enclosing image or track; null when absent. */
    String subset();

    /** The frame number as written ({@code "0"} and {@code "00"} are different frames, as in Datumaro). */
    String frame();

    record AnnotationRecord(String subset, String frame, Annotation annotation) implements FrameRecord {
    }

    /** An {@code <image>}: its name and, when it gives both, its width and height (else null). */
    record ImageRecord(String subset, String frame, String name, ImageSize size) implements FrameRecord {
    }
}
