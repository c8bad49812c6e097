package io.datum.model;

import io.datum.core.internal.ImageHeaders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * An item's image. It may have a file ({@link #path()}) or not (a CVAT export shipped without its
 * images, an Open Images item whose file is missing); its size may be declared by the source
 * format ({@code images.meta}, CVAT {@code width}/{@code height}) or read lazily from the file's
 * header — never by decoding pixels (decisions D2–D4). Pixels are read only by {@link #read()}.
 *
 * <p>Equality is by path, extension and declared size; the lazily learnt size is a cache.
 */
public final class Image {
    private final Path path;
    private final String extension;
    private final ImageSize declaredSize;
    private volatile ImageSize learntSize;
    private volatile boolean headerTried;

    private Image(Path path, String extension, ImageSize declaredSize) {
        this.path = path;
        this.extension = extension == null ? "" : extension;
        this.declaredSize = declaredSize;
    }

    /** An image backed by a file; {@code declaredSize} may be null (then the header is read when needed). */
    public static Image ofFile(Path path, ImageSize declaredSize) {
        Objects.requireNonNull(path, "path");
        return new Image(path, extensionOf(path.getFileName().toString()), declaredSize);
    }

    /** An image without a file, of which only the extension and maybe the size are known. */
    public static Image withoutFile(String extension, ImageSize declaredSize) {
        return new Image(null, extension, declaredSize);
    }

    /** The extension including its dot ({@code ".jpg"}), as the file name spells it; "" when none. */
    public String extension() {
        return extension;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** True when a file backs this image and it exists. */
    public boolean hasData() {
        return path != null && Files.isRegularFile(path);
    }

    /** The size declared by the source format, without looking at the file. */
    public Optional<ImageSize> declaredSize() {
        return Optional.ofNullable(declaredSize);
    }

    /**
     * The size: declared, else read from the file's header (once). Empty when neither is
     * available or the header cannot be read.
     */
    public Optional<ImageSize> size() {
        if (declaredSize != null) {
            return Optional.of(declaredSize);
        }
        if (!headerTried) {
            if (path != null && Files.isRegularFile(path)) {
                try {
                    learntSize = ImageHeaders.readSize(path);
                } catch (IOException e) {
                    learntSize = null;
                }
            }
            headerTried = true;
        }
        return Optional.ofNullable(learntSize);
    }

    /** Decodes the pixels. Only for work that needs them (statistics, re-encoding). */
    public BufferedImage read() {
        if (path == null) {
            throw new IllegalStateException("image has no file");
        }
        try {
            BufferedImage img = ImageIO.read(path.toFile());
            if (img == null) {
                throw new IOException("unsupported image format: " + path.getFileName());
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extension of a file name, dot included, case kept; "" when there is none. */
    public static String extensionOf(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image i && Objects.equals(path, i.path) && extension.equals(i.extension)
                && Objects.equals(declaredSize, i.declaredSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, extension, declaredSize);
    }

    @Override
    public String toString() {
        return "Image[" + (path == null ? "no file" + extension : path) + (declaredSize == null ? "" : ", " + declaredSize) + "]";
    }
}
