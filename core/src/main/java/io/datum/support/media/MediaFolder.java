package io.datum.support.media;

import io.datum.files.FolderPaths;
import io.datum.model.Image;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * An output folder that image files are written into. A name (which comes from data: an item id
 * plus an extension) must stay inside the folder and is never written through a link, since a
 * link in an output could make an export overwrite any file ({@link FolderPaths#forWriting}).
 * An image is copied byte for byte when the target extension names the same encoding as its own
 * ({@code .jpg} and {@code .jpeg} alike), else decoded and encoded again (JPEG at quality 0.75,
 * transparency dropped where the encoding has none), through a temporary file so that a failed
 * encoding leaves no partial image.
 */
public final class MediaFolder {
    /** The encodings that can be written, by extension (lower case). */
    private static final Map<String, String> ENCODINGS = Map.ofEntries(
            Map.entry(".jpg", "jpeg"), Map.entry(".jpeg", "jpeg"), Map.entry(".jpe", "jpeg"),
            Map.entry(".png", "png"), Map.entry(".bmp", "bmp"), Map.entry(".dib", "bmp"),
            Map.entry(".gif", "gif"), Map.entry(".tif", "tiff"), Map.entry(".tiff", "tiff"),
            Map.entry(".wbmp", "wbmp"));

    private final FolderPaths folder;

    /** Images written under {@code folder} (created as needed). */
    public MediaFolder(Path folder) {
        this.folder = FolderPaths.forWriting(folder);
    }

    /** The folder, absolute and normalised. */
    public Path folder() {
        return folder.folder();
    }

    /**
     * Where {@code name} (with {@code /} separators) is inside the folder.
     *
     * @throws DatasetException when the name is unsafe (absolute, {@code ..}, backslash, NUL) or
     *     a link is on the way
     */
    public Path resolve(String name) {
        return folder.resolve(name);
    }

    /**
     * Writes the file of {@code image} as {@code name} inside the folder and returns where.
     *
     * @throws IllegalArgumentException when the image has no file ({@link Image#hasData()})
     * @throws DatasetException when the name is unsafe, the target extension has no encoder, or
     *     the image cannot be decoded for re-encoding
     */
    public Path save(Image image, String name) throws IOException {
        Path source = image.path().orElseThrow(() -> new IllegalArgumentException("the image has no file"));
        Path target = folder.resolve(name);
        String from = image.extension().toLowerCase(Locale.ROOT);
        String to = Image.extensionOf(target.getFileName().toString()).toLowerCase(Locale.ROOT);
        String fromEncoding = ENCODINGS.get(from);
        String toEncoding = ENCODINGS.get(to);
        Files.createDirectories(target.getParent());
        if (from.equals(to) || fromEncoding != null && fromEncoding.equals(toEncoding)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        if (toEncoding == null) {
            throw new DatasetException("cannot encode images as '" + to + "' (supported: "
                    + String.join(" ", new TreeSet<>(ENCODINGS.keySet())) + ")");
        }
        Reencoding.write(image, source, toEncoding, target);
        return target;
    }
}
