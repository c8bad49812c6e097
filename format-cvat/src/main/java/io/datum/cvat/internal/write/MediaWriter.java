package io.datum.cvat.internal.write;

import io.datum.cvat.internal.read.CvatFile;
import io.datum.files.FolderPaths;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.spi.DatasetException;
import io.datum.spi.JobContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes items' images into {@code images/}: a byte copy when the extension stays the same,
 * otherwise decoded and encoded again with ImageIO. Every target is checked to lie inside the
 * folder, with no link on the way (docs/differences.md, S1).
 */
final class MediaWriter {
    private final FolderPaths images;
    private final JobContext context;

    MediaWriter(Path imagesDir, JobContext context) {
        this.images = FolderPaths.forWriting(imagesDir);
        this.context = context;
    }

    void save(DatasetItem item, String name) throws IOException {
        Path target;
        try {
            target = images.resolve(name);
        } catch (DatasetException e) {
            throw new DatasetException("Item '" + item.id() + "' of subset '" + item.subset() + "': image name '" + name
                    + "': " + e.getMessage());
        }
        Image image = item.image();
        if (image == null) {
            if (context.debugEnabled()) {
                context.debug("Item '" + item.id() + "' has no image info");
            }
            return;
        }
        if (!image.hasData()) {
            context.warn("items without an image file: no image saved for them");
            if (context.debugEnabled()) {
                context.debug("Item '" + item.id() + "' of subset '" + item.subset() + "' has no image file");
            }
            return;
        }
        Files.createDirectories(target.getParent());
        Path source = image.path().orElseThrow();
        String targetExtension = CvatFile.extension(name);
        if (image.extension().equalsIgnoreCase(targetExtension)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            encode(item, source, image, target, targetExtension);
        }
    }

    private static void encode(DatasetItem item, Path source, Image image, Path target, String extension) throws IOException {
        String suffix = extension.isEmpty() ? "" : extension.substring(1).toLowerCase(Locale.ROOT);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersBySuffix(suffix);
        if (!writers.hasNext()) {
            throw new DatasetException("Item '" + item.id() + "': cannot write an image as '" + extension
                    + "': no encoder for this extension");
        }
        BufferedImage pixels;
        try {
            pixels = image.read();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetException("Item '" + item.id() + "': cannot read its image " + source + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        ImageWriter writer = writers.next();
        boolean noAlpha = suffix.equals("jpg") || suffix.equals("jpeg") || suffix.equals("bmp");
        if (noAlpha && pixels.getColorModel().hasAlpha() || suffix.equals("bmp") && pixels.getType() == BufferedImage.TYPE_CUSTOM) {
            BufferedImage rgb = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(pixels, 0, 0, null);
            pixels = rgb;
        }
        Files.deleteIfExists(target);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(pixels);
        } finally {
            writer.dispose();
        }
    }
}
