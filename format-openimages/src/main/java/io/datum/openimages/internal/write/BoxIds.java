package io.datum.openimages.internal.write;

import io.datum.model.Annotation;
import io.datum.model.Mask;
import io.datum.openimages.internal.OpenImagesPaths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Box ids for an item's masks that have none: 8 hex digits counting from 0, skipping the ids
 * the item's other masks already carry, so that every mask of an item has its own box id.
 */
final class BoxIds {
    private final Set<String> taken = new HashSet<>();
    private long next;

    private BoxIds() {
    }

    /** The box ids of an item's masks; null when it has no mask (most items: nothing to build). */
    static BoxIds of(List<Annotation> annotations) {
        BoxIds ids = null;
        for (Annotation a : annotations) {
            if (a instanceof Mask) {
                if (ids == null) {
                    ids = new BoxIds();
                }
                if (a.attributes().get(OpenImagesPaths.BOX_ID_ATTRIBUTE) instanceof String s) {
                    ids.taken.add(s);
                }
            }
        }
        return ids;
    }

    String next() {
        String id;
        do {
            id = String.format("%08x", next++);
        } while (taken.contains(id));
        return id;
    }
}
