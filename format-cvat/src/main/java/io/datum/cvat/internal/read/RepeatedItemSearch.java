package io.datum.cvat.internal.read;

import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.DatasetExceptions;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import java.io.IOException;

/**
 * Finds the {@code <image>}s behind a repeated item id, once the compact per-subset set of id
 * hashes says an id repeats. The set keeps eight bytes per item, so a repeat it reports is
 * confirmed here by reading the file again, which costs nothing on the usual path and gives the
 * message both image names and a line (docs/differences.md, D26). A hash that collides without a real
 * repeat finds nothing here and is not an error.
 */
final class RepeatedItemSearch {
    /**
     * Two images of one subset whose names give one item id: the other image's name and line, and
     * the line of the image of the frame that repeated it.
     */
    record Repeat(String otherName, long otherLine, long line) {
    }

    private RepeatedItemSearch() {
    }

    /**
     * The {@code <image>} of {@code file}, other than frame {@code frame}, whose name gives item
     * {@code id} in {@code subset}, with the line of frame {@code frame}'s own; null when there is
     * none. A project's images name their subset; a task's all belong to its one subset.
     */
    static Repeat find(CvatFile file, String subset, String id, String frame, XmlLimits limits) {
        String otherName = null;
        long otherLine = -1;
        long line = -1;
        try (XmlCursor xml = SafeXml.open(file.path(), file.shownName(), limits)) {
            for (int event = xml.next(); event != XmlCursor.END_DOCUMENT; event = xml.next()) {
                if (event != XmlCursor.START_ELEMENT || !CvatNames.IMAGE.equals(xml.name())) {
                    continue;
                }
                String name = xml.attribute(CvatNames.NAME);
                String imageSubset = xml.attribute(CvatNames.SUBSET);
                if (name == null || imageSubset != null && !imageSubset.equals(subset)) {
                    continue;
                }
                if (frame.equals(xml.attribute(CvatNames.ID))) {
                    line = xml.line();
                } else if (otherName == null && id.equals(CvatFile.itemId(name))) {
                    otherName = name;
                    otherLine = xml.line();
                }
                if (otherName != null && line > 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw DatasetExceptions.inFile(file.shownName(), "cannot read: " + e.getMessage());
        }
        return otherName == null ? null : new Repeat(otherName, otherLine, line > 0 ? line : otherLine);
    }
}
