package io.datum.core.internal;

import io.datum.model.ImageSize;
import io.datum.spi.DatasetException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's size from its header without decoding pixels (decisions D4): PNG IHDR, JPEG
 * SOF markers, GIF and BMP headers directly (a few hundred bytes), anything else through an
 * ImageIO reader's {@code getWidth(0)}, which also reads the header only.
 *
 * <p>A header that cannot be read is an {@link IOException} (the size is then unknown, as for a
 * format nobody reads); a header that is read but gives a width or height of 2^31 pixels or more
 * (PNG, BMP) is a {@link DatasetException} naming the file, since no image that large can be
 * handled at all.
 */
public final class ImageHeaders {
    private ImageHeaders() {
    }

    public static ImageSize readSize(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 4096))) {
            in.mark(32);
            byte[] head = new byte[26];
            int n = in.read(head);
            in.reset();
            if (n >= 24 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
                if (head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
                    throw new IOException("no PNG header (IHDR) in " + file.getFileName());
                }
                return size(file, "PNG", int32(head, 16) & 0xFFFF_FFFFL, int32(head, 20) & 0xFFFF_FFFFL);
            }
            if (n >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
                ImageSize s = jpeg(in);
                if (s != null) {
                    return s;
                }
            } else if (n >= 10 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
                return new ImageSize((head[6] & 0xFF) | (head[7] & 0xFF) << 8, (head[8] & 0xFF) | (head[9] & 0xFF) << 8);
            } else if (n >= 26 && head[0] == 'B' && head[1] == 'M') {
                if (le32(head, 14) == 12) {
                    // the OS/2 header: 16-bit unsigned width and height
                    return new ImageSize((head[18] & 0xFF) | (head[19] & 0xFF) << 8, (head[20] & 0xFF) | (head[21] & 0xFF) << 8);
                }
                // a negative height means rows stored top-down; its magnitude is the height
                return size(file, "BMP", le32(head, 18), Math.abs((long) le32(head, 22)));
            }
        }
        return viaImageIo(file);
    }

    /** The size a header gives, refused when no int holds it (the formats' own limit is 2^31 - 1). */
    private static ImageSize size(Path file, String format, long width, long height) {
        if (width < 0 || width > Integer.MAX_VALUE || height < 0 || height > Integer.MAX_VALUE) {
            throw DatasetException.at(file.toString(), -1, "the " + format + " header gives an impossible size of "
                    + width + "x" + height + " pixels (width and height go from 0 to " + Integer.MAX_VALUE + ")");
        }
        return new ImageSize((int) width, (int) height);
    }

    private static ImageSize jpeg(DataInputStream in) throws IOException {
        try {
            in.skipNBytes(2);
            while (true) {
                int b = in.readUnsignedByte();
                if (b != 0xFF) {
                    return null;
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = in.readUnsignedByte();
                }
                if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    continue;
                }
                int length = in.readUnsignedShort();
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    in.readUnsignedByte();
                    int h = in.readUnsignedShort();
                    int w = in.readUnsignedShort();
                    return new ImageSize(w, h);
                }
                in.skipNBytes(length - 2);
            }
        } catch (EOFException e) {
            return null;
        }
    }

    private static ImageSize viaImageIo(Path file) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            if (stream == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new IOException("unknown image format: " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } catch (RuntimeException e) {
                // ImageIO's readers report some malformed headers by unchecked exceptions (and a
                // negative size by the check of ImageSize): all mean "no readable header"
                throw new IOException("cannot read the image header of " + file.getFileName() + ": " + e, e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static int int32(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
