package io.datum.cvat.internal.read;

import io.datum.model.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * One read of one subset of a CVAT file, giving its frames in Datumaro's order (first
 * mention) with their records. Implementations: {@link StreamingFramePass} for files whose frames
 * come grouped, {@link RegroupingFramePass} for the others.
 */
interface FramePass extends AutoCloseable {
    /** A frame: its annotations in document order and its last {@code <image>} (null for a track-only frame). */
    record Group(String frame, List<Annotation> annotations, FrameRecord.ImageRecord image) {
    }

    /** The next frame, or null at the end. */
    Group next();

    @Override
    void close();

    /** Collects the records of one frame. */
    final class GroupBuilder {
        private final String frame;
        /** Sixteen: the dozen annotations of an Open Images frame without growing the list. */
        private final List<Annotation> annotations = new ArrayList<>(16);
        private FrameRecord.ImageRecord image;

        GroupBuilder(String frame) {
            this.frame = frame;
        }

        String frame() {
            return frame;
        }

        void add(FrameRecord r) {
            if (r instanceof FrameRecord.AnnotationRecord a) {
                annotations.add(a.annotation());
            } else {
                // two <image> elements of one frame: the last gives name and size, as in Datumaro
                image = (FrameRecord.ImageRecord) r;
            }
        }

        Group build() {
            return new Group(frame, annotations, image);
        }
    }
}
