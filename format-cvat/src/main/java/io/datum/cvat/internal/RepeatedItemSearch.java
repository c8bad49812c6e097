package io.datum.cvat.internal;

import java.io.IOException;

/**
 * Finds the {@code <image>} that gave an item id before, once the compact per-subset set of id
 * hashes says an id repeats. The set keeps eight bytes per item, so a repeat it reports is
 * confirmed here by reading the file again, which costs nothing on the usual path and tells the
 * two image names apart for the message (decisions D26). A hash that collides without a real
 * repeat finds nothing here and is not an error.
 */
final class RepeatedItemSearch {
    private RepeatedItemSearch() {
    }

    /**
     * The name of an {@code <image>} of {@code file}, other than frame {@code frame}, whose name
     * gives item {@code id} in {@code subset}; null when there is none. A project's images name
     * their subset; a task's all belong to its one subset.
     */
    static String otherImageName(CvatFile file, String subset, String id, String frame, XmlLimits limits) {
        try (XmlCursor xml = SafeXml.open(file.path(), file.shownName(), limits)) {
            for (int event = xml.next(); event != XmlCursor.END_DOCUMENT; event = xml.next()) {
                if (event != XmlCursor.START_ELEMENT || !CvatNames.IMAGE.equals(xml.name())) {
                    continue;
                }
                String name = xml.attribute(CvatNames.NAME);
                String imageSubset = xml.attribute(CvatNames.SUBSET);
                if (name == null || frame.equals(xml.attribute(CvatNames.ID))
                        || imageSubset != null && !imageSubset.equals(subset)) {
                    continue;
                }
                if (id.equals(name.substring(0, name.length() - CvatFile.extension(name).length()))) {
                    return name;
                }
            }
            return null;
        } catch (IOException e) {
            throw DatasetExceptions.inFile(file.shownName(), "cannot read: " + e.getMessage());
        }
    }
}
