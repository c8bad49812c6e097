package io.datum.core.internal.transforms;

import io.datum.model.DatasetItem;
import io.datum.options.OptionParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An item named on the command line as {@code id:subset} (the {@code --id} of the remove
 * transforms), with an annotation id after a second colon where the transform allows one.
 *
 * @param annotation the annotation id, or null for the whole item
 */
record ItemKey(String id, String subset, Long annotation) {
    boolean names(DatasetItem item) {
        return id.equals(item.id()) && subset.equals(item.subset());
    }

    /** The whole item this key names, without the annotation. */
    ItemKey item() {
        return annotation == null ? this : new ItemKey(id, subset, null);
    }

    static ItemKey of(DatasetItem item) {
        return new ItemKey(item.id(), item.subset(), null);
    }

    /**
     * The keys of {@code values}, as a set; a value of another form is a usage error of
     * {@code parser}'s {@code --id}.
     */
    static Set<ItemKey> parseAll(List<String> values, boolean withAnnotation, OptionParser parser) {
        Set<ItemKey> keys = new HashSet<>();
        for (String value : values) {
            String[] parts = value.split(":", -1);
            boolean valid = (parts.length == 2 || (withAnnotation && parts.length == 3))
                    && !parts[0].isEmpty() && !parts[1].isEmpty();
            Long annotation = null;
            if (valid && parts.length == 3) {
                try {
                    annotation = Long.parseLong(parts[2]);
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw parser.error("argument --id: invalid item id format of '" + value + "'. Expected a '"
                        + (withAnnotation ? "<id>:<subset>[:<annotation id>]" : "<id>:<subset>") + "' value.");
            }
            keys.add(new ItemKey(parts[0], parts[1], annotation));
        }
        return keys;
    }
}
