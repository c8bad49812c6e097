package io.datum.support.media;

import io.datum.model.Image;
import io.datum.spi.DatasetException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * {@link MediaFolder}'s images written in another encoding than their own: decoded and encoded
 * again. A class of its own so that the image classes of java.desktop are loaded by an export
 * that re-encodes, not by every export that copies images or writes none (checking
 * {@link MediaFolder}'s code would load them otherwise).
 */
final class Reencoding {
    /** JPEG is re-encoded at the quality the reference tools use. */
    private static final float JPEG_QUALITY = 0.75f;

    private Reencoding() {
    }

    /** Writes {@code image} (whose file is {@code source}) to {@code target} in {@code encoding}. */
    static void write(Image image, Path source, String encoding, Path target) throws IOException {
        BufferedImage pixels;
        try {
            pixels = image.read();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetException("cannot decode the image " + source + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        boolean keepsAlpha = encoding.equals("png") || encoding.equals("tiff");
        // the BMP encoder takes only the standard pixel layouts
        if (!keepsAlpha && pixels.getColorModel().hasAlpha()
                || encoding.equals("bmp") && pixels.getType() == BufferedImage.TYPE_CUSTOM) {
            pixels = rgb(pixels);
        }
        encode(pixels, encoding, target);
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
