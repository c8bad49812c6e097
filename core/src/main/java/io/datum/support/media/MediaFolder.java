package io.datum.support.media;

import io.datum.files.FolderPaths;
import io.datum.model.Image;
import io.datum.spi.DatasetException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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
    /** JPEG is re-encoded at the quality the reference tools use. */
    private static final float JPEG_QUALITY = 0.75f;
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
        BufferedImage pixels;
        try {
            pixels = image.read();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetException("cannot decode the image " + source + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        boolean keepsAlpha = toEncoding.equals("png") || toEncoding.equals("tiff");
        // the BMP encoder takes only the standard pixel layouts
        if (!keepsAlpha && pixels.getColorModel().hasAlpha()
                || toEncoding.equals("bmp") && pixels.getType() == BufferedImage.TYPE_CUSTOM) {
            pixels = rgb(pixels);
        }
        encode(pixels, toEncoding, target);
        return target;
    }

    private static BufferedImage rgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    private static void encode(BufferedImage image, String encoding, Path target) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(encoding);
        if (!writers.hasNext()) {
            throw new DatasetException("no image encoder for " + encoding + " in this Java runtime");
        }
        ImageWriter writer = writers.next();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (encoding.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            writer.dispose();
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
