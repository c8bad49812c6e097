package ${package}.internal;

import io.datum.files.FileErrors;
import io.datum.files.FolderPaths;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;

/**
 * The files of the format: {@code labels.txt} (one label name per line, in order),
 * {@code items.txt} (one item per line: its id, then the names of its labels, separated by spaces)
 * and, where an item has one, its image {@code images/<id>.jpg} or {@code .png}.
 */
final class LineFiles {
    static final String FORMAT = "${formatName}";
    static final String DESCRIPTION = "one line per item: its id and its labels";
    static final String LABELS = "labels.txt";
    static final String ITEMS = "items.txt";
    static final String IMAGES = "images/";
    static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".png");

    private LineFiles() {
    }

    /** The relative path of an item's image, refused when the id would lead out of the folder. */
    static String imagePath(String itemId, String extension) {
        String path = IMAGES + itemId + extension;
        String problem = FolderPaths.nameProblem(path);
        if (problem != null) {
            throw new DatasetException("item '" + itemId + "': its image path " + problem);
        }
        return path;
    }

    /**
     * A file that could not be read, at a line when known (-1 otherwise). Bytes that are not
     * UTF-8 are reported for the whole file: the reader decodes ahead of the line it returns.
     */
    static DatasetException unreadable(String file, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return DatasetException.at(file, -1, "is not UTF-8 text");
        }
        return DatasetException.at(file, line, "cannot be read: " + FileErrors.reason(e));
    }

    /** Whether a name can be one field of a line: not empty, no space or line break. */
    static boolean isField(String name) {
        return !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace);
    }
}
