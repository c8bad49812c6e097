package io.datum.openimages.internal.write;

import io.datum.model.Image;
import io.datum.model.MaskData;
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
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writing images (copied byte for byte, or re-encoded for another extension) and mask PNGs. */
final class MediaFiles {
    /** The reference re-encodes JPEG with this quality. */
    private static final float JPEG_QUALITY = 0.75f;
    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry(".jpg", "jpeg"), Map.entry(".jpeg", "jpeg"), Map.entry(".jpe", "jpeg"),
            Map.entry(".png", "png"), Map.entry(".bmp", "bmp"), Map.entry(".dib", "bmp"),
            Map.entry(".gif", "gif"), Map.entry(".tif", "tiff"), Map.entry(".tiff", "tiff"),
            Map.entry(".wbmp", "wbmp"));

    private MediaFiles() {
    }

    /**
     * Writes {@code image} to {@code target}: a byte copy when the target extension names the same
     * encoding as the source's, else decoded and re-encoded.
     */
    static void saveImage(Image image, Path target) throws IOException {
        Path source = image.path().orElseThrow();
        String from = image.extension().toLowerCase(Locale.ROOT);
        String to = Image.extensionOf(target.getFileName().toString()).toLowerCase(Locale.ROOT);
        String fromFormat = FORMATS.get(from);
        String toFormat = FORMATS.get(to);
        Files.createDirectories(target.getParent());
        if (from.equals(to) || (fromFormat != null && fromFormat.equals(toFormat))) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (toFormat == null) {
            throw new DatasetException("cannot encode images as '" + to + "' (supported: "
                    + String.join(" ", new java.util.TreeSet<>(FORMATS.keySet())) + ")");
        }
        BufferedImage pixels;
        try {
            pixels = image.read();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetException("cannot decode the image " + source + ": " + e.getMessage(), e);
        }
        if (!toFormat.equals("png") && !toFormat.equals("tiff") && pixels.getColorModel().hasAlpha()) {
            pixels = withoutAlpha(pixels);
        }
        write(pixels, toFormat, target);
    }

    /** A single-channel 8-bit PNG holding {@code pixels} as they are (0/1 for boolean masks). */
    static void saveMaskPng(Path target, MaskData mask) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            GreyPng.write(temp, mask);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    private static void write(BufferedImage image, String format, Path target) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new DatasetException("no image writer for " + format);
        }
        ImageWriter writer = writers.next();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
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
