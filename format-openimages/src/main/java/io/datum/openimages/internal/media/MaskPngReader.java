package io.datum.openimages.internal.media;

import io.datum.spi.DatasetException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A mask PNG read a row at a time: which pixels of each row are set, the image data inflated and
 * unfiltered as it is read, so that memory holds two rows of the file whatever its height. A pixel
 * is set when any of its channels is non-zero, alpha included; a palette pixel when its colour is
 * not black; a pixel of a grey or colour image with a transparent colour ({@code tRNS}) when it is
 * not that colour or not black. An interlaced file cannot be read in rows: its passes are gathered
 * into one bit per pixel (an eighth of the pixel limit at most).
 *
 * <p>Every defect of the file is a {@link DatasetException} naming it. Not thread-safe.
 */
final class MaskPngReader implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504C5445;
    private static final int TRNS = 0x74524E53;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    /** Adam7: first column, first row, column step and row step of each pass. */
    private static final int[][] PASSES = {
        {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

    private final String displayName;
    private final DataInputStream in;
    private final int width;
    private final int height;
    private final int bitDepth;
    private final int colorType;
    private final int channels;
    private final boolean interlaced;
    /** Per palette index, whether its colour is not black; 2^bitDepth entries at least. */
    private boolean[] paletteSet;
    /** The transparent colour's samples, or null. */
    private int[] transparent;
    /**
     * The most a read buffer takes. Buffers are sized by the file, up to this: mask files are
     * mostly a few hundred bytes, and a dataset has hundreds of thousands of them, so two buffers
     * of this size for each would be mostly zeroing memory that is never read into.
     */
    private static final int MAX_BUFFER = 1 << 16;
    private static final int MIN_BUFFER = 512;

    private final Inflater inflater = new Inflater();
    /** Image data read from the file for the inflater. */
    private final byte[] input;
    /** Bytes of IDAT data not yet read from the current chunk; -1 after the last IDAT chunk. */
    private long idatLeft;
    private byte[] current;
    private byte[] previous;
    private int rowsRead;
    /** The set pixels of an interlaced file, one bit each in row-major order; null otherwise. */
    private long[] interlacedBits;

    private MaskPngReader(String displayName, DataInputStream in, int bufferSize, int[] header) {
        this.displayName = displayName;
        this.in = in;
        this.input = new byte[bufferSize];
        this.width = header[0];
        this.height = header[1];
        this.bitDepth = header[2];
        this.colorType = header[3];
        this.channels = switch (colorType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        this.interlaced = header[4] == 1;
    }

    /**
     * Opens {@code file} and reads up to its image data; the size is checked with
     * {@code sizeCheck} (given width and height) before anything the size decides is allocated.
     */
    static MaskPngReader open(Path file, String displayName, SizeCheck sizeCheck) {
        DataInputStream in;
        int bufferSize;
        try {
            FileChannel channel = FileChannel.open(file);
            try {
                bufferSize = (int) Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, channel.size()));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), bufferSize));
        } catch (IOException e) {
            throw new DatasetException(displayName, -1, -1, "cannot read the mask: " + e.getMessage(), e);
        }
        try {
            MaskPngReader reader = new MaskPngReader(displayName, in, bufferSize, readHeader(in, displayName));
            sizeCheck.check(reader.width, reader.height);
            reader.readToImageData();
            return reader;
        } catch (IOException e) {
            close(in);
            throw new DatasetException(displayName, -1, -1, e instanceof EOFException
                    ? "cannot decode the mask: the file ends early" : "cannot read the mask: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
    }

    /** A check of the stored size, made before the rows are read. */
    @FunctionalInterface
    interface SizeCheck {
        void check(int width, int height);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private static int[] readHeader(DataInputStream in, String displayName) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE) || in.readInt() != 13 || in.readInt() != IHDR) {
            throw DatasetException.at(displayName, -1, "not a readable image");
        }
        int width = in.readInt();
        int height = in.readInt();
        int bitDepth = in.readUnsignedByte();
        int colorType = in.readUnsignedByte();
        int compression = in.readUnsignedByte();
        int filter = in.readUnsignedByte();
        int interlace = in.readUnsignedByte();
        in.readInt(); // CRC: a damaged file shows in its data
        if (width <= 0 || height <= 0) {
            throw DatasetException.at(displayName, -1, "cannot decode the mask: its size " + Integer.toUnsignedString(width)
                    + "x" + Integer.toUnsignedString(height) + " is not a PNG size");
        }
        boolean depthFits = switch (colorType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!depthFits || compression != 0 || filter != 0 || interlace > 1) {
            throw DatasetException.at(displayName, -1, "cannot decode the mask: colour type " + colorType + ", bit depth "
                    + bitDepth + ", compression " + compression + ", filter " + filter + " and interlace " + interlace
                    + " are not a PNG format");
        }
        return new int[] {width, height, bitDepth, colorType, interlace};
    }

    /** Reads the chunks before the image data: the palette and the transparent colour. */
    private void readToImageData() throws IOException {
        while (true) {
            long length = Integer.toUnsignedLong(in.readInt());
            int type = in.readInt();
            if (type == IDAT) {
                idatLeft = length;
                break;
            } else if (type == IEND) {
                throw DatasetException.at(displayName, -1, "cannot decode the mask: it has no image data");
            } else if (type == PLTE && colorType == 3) {
                readPalette(length);
            } else if (type == TRNS && (colorType == 0 || colorType == 2)) {
                readTransparent(length);
            } else {
                skip(length);
            }
            in.readInt();
        }
        if (colorType == 3 && paletteSet == null) {
            throw DatasetException.at(displayName, -1, "cannot decode the mask: a palette image without a palette");
        }
        long rowBytes = rowBytes(width);
        if (rowBytes + 1 > Integer.MAX_VALUE - 8) {
            throw DatasetException.at(displayName, -1, "cannot decode the mask: rows of " + width + " pixels are too wide");
        }
        current = new byte[(int) rowBytes + 1];
        previous = new byte[(int) rowBytes + 1];
    }

    private void readPalette(long length) throws IOException {
        if (length % 3 != 0 || length > 3 * 256) {
            throw DatasetException.at(displayName, -1, "cannot decode the mask: a palette of " + length + " bytes");
        }
        byte[] rgb = new byte[(int) length];
        in.readFully(rgb);
        int entries = Math.min(rgb.length / 3, 1 << bitDepth);
        // indices past the palette take colours as ImageIO gave them when it decoded masks: the
        // palette is padded with black to 2, 4, 16 or 256 entries, then with its last entry
        int padded = entries > 16 ? 256 : entries > 4 ? 16 : entries > 2 ? 4 : 2;
        paletteSet = new boolean[Math.max(padded, 1 << bitDepth)];
        for (int i = 0; i < entries; i++) {
            paletteSet[i] = rgb[3 * i] != 0 || rgb[3 * i + 1] != 0 || rgb[3 * i + 2] != 0;
        }
        Arrays.fill(paletteSet, padded, paletteSet.length, paletteSet[padded - 1]);
    }

    private void readTransparent(long length) throws IOException {
        if (length != 2L * channels) {
            skip(length);
            return;
        }
        transparent = new int[channels];
        for (int c = 0; c < channels; c++) {
            // the sample's low bits, as many as the depth has
            transparent[c] = in.readUnsignedShort() & ((1 << bitDepth) - 1);
        }
    }

    private void skip(long length) throws IOException {
        while (length > 0) {
            long skipped = in.skip(length);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            length -= skipped;
        }
    }

    private long rowBytes(long pixels) {
        return (pixels * channels * bitDepth + 7) / 8;
    }

    /**
     * Fills {@code set} (one entry per pixel, {@link #width()} of them) with the next row's set
     * pixels, 1 for set and 0 for not; rows come top to bottom, {@link #height()} of them.
     */
    void nextRow(byte[] set) {
        if (rowsRead >= height) {
            throw new IllegalStateException("all " + height + " rows were read");
        }
        try {
            if (interlaced) {
                if (interlacedBits == null) {
                    readInterlaced();
                }
                long base = (long) rowsRead * width;
                for (int x = 0; x < width; x++) {
                    long bit = base + x;
                    set[x] = (byte) ((interlacedBits[(int) (bit >>> 6)] >>> bit) & 1);
                }
            } else {
                readRow(width);
                decodeRow(width, set);
            }
        } catch (EOFException e) {
            throw new DatasetException(displayName, -1, -1, "cannot decode the mask: the file ends early", e);
        } catch (IOException e) {
            throw new DatasetException(displayName, -1, -1, "cannot read the mask: " + e.getMessage(), e);
        }
        rowsRead++;
    }

    private void readInterlaced() throws IOException {
        long words = ((long) width * height + 63) >>> 6;
        if (words > Integer.MAX_VALUE - 8) {
            throw DatasetException.at(displayName, -1, "cannot decode the mask: an interlaced mask of " + width + "x"
                    + height + " pixels is too large");
        }
        interlacedBits = new long[(int) words];
        byte[] set = new byte[width];
        for (int[] pass : PASSES) {
            int passWidth = (int) (((long) width - pass[0] + pass[2] - 1) / pass[2]);
            int passHeight = (int) (((long) height - pass[1] + pass[3] - 1) / pass[3]);
            if (passWidth <= 0 || passHeight <= 0) {
                continue;
            }
            // the first row of a pass has nothing above it: the row swapped to "previous" is cleared
            Arrays.fill(current, (byte) 0);
            for (int r = 0; r < passHeight; r++) {
                readRow(passWidth);
                decodeRow(passWidth, set);
                long rowStart = (long) (pass[1] + r * pass[3]) * width;
                for (int i = 0; i < passWidth; i++) {
                    if (set[i] != 0) {
                        long bit = rowStart + pass[0] + (long) i * pass[2];
                        interlacedBits[(int) (bit >>> 6)] |= 1L << bit;
                    }
                }
            }
        }
    }

    /** Inflates one filtered row of {@code pixels} pixels into {@link #current} and unfilters it. */
    private void readRow(int pixels) throws IOException {
        byte[] swap = previous;
        previous = current;
        current = swap;
        int length = (int) rowBytes(pixels) + 1;
        inflateFully(current, length);
        int filter = current[0];
        int bpp = Math.max(1, channels * bitDepth / 8);
        byte[] c = current;
        byte[] p = previous;
        switch (filter) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = 1 + bpp; i < length; i++) {
                    c[i] += c[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 1; i < length; i++) {
                    c[i] += p[i];
                }
            }
            case 3 -> {
                for (int i = 1; i < length; i++) {
                    int left = i > bpp ? c[i - bpp] & 0xFF : 0;
                    c[i] += (byte) ((left + (p[i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 1; i < length; i++) {
                    int a = i > bpp ? c[i - bpp] & 0xFF : 0;
                    int b = p[i] & 0xFF;
                    int d = i > bpp ? p[i - bpp] & 0xFF : 0;
                    int estimate = a + b - d;
                    int pa = Math.abs(estimate - a);
                    int pb = Math.abs(estimate - b);
                    int pc = Math.abs(estimate - d);
                    c[i] += (byte) (pa <= pb && pa <= pc ? a : pb <= pc ? b : d);
                }
            }
            default -> throw DatasetException.at(displayName, -1, "cannot decode the mask: row filter " + filter
                    + " of row " + rowsRead + " is not a PNG filter");
        }
    }

    /** The set pixels of the unfiltered row in {@link #current}, {@code pixels} of them. */
    private void decodeRow(int pixels, byte[] set) {
        byte[] c = current;
        if (bitDepth < 8) {
            int perByte = 8 / bitDepth;
            int mask = (1 << bitDepth) - 1;
            for (int x = 0; x < pixels; x++) {
                int b = c[1 + x / perByte] & 0xFF;
                int value = (b >>> (8 - bitDepth * (x % perByte + 1))) & mask;
                set[x] = (byte) (isSet(value) ? 1 : 0);
            }
        } else if (bitDepth == 8) {
            for (int x = 0; x < pixels; x++) {
                int at = 1 + x * channels;
                set[x] = (byte) (isSet8(c, at) ? 1 : 0);
            }
        } else {
            for (int x = 0; x < pixels; x++) {
                int at = 1 + x * channels * 2;
                set[x] = (byte) (isSet16(c, at) ? 1 : 0);
            }
        }
    }

    /** A grey or palette sample of fewer than 8 bits. */
    private boolean isSet(int value) {
        if (colorType == 3) {
            return paletteSet[value];
        }
        return value != 0 || transparent != null && value != transparent[0];
    }

    private boolean isSet8(byte[] c, int at) {
        if (colorType == 3) {
            return paletteSet[c[at] & 0xFF];
        }
        boolean any = false;
        boolean isTransparent = transparent != null;
        for (int ch = 0; ch < channels; ch++) {
            int v = c[at + ch] & 0xFF;
            any |= v != 0;
            if (isTransparent && v != transparent[ch]) {
                isTransparent = false;
            }
        }
        return any || transparent != null && !isTransparent;
    }

    private boolean isSet16(byte[] c, int at) {
        boolean any = false;
        boolean isTransparent = transparent != null;
        for (int ch = 0; ch < channels; ch++) {
            int v = (c[at + 2 * ch] & 0xFF) << 8 | c[at + 2 * ch + 1] & 0xFF;
            any |= v != 0;
            if (isTransparent && v != transparent[ch]) {
                isTransparent = false;
            }
        }
        return any || transparent != null && !isTransparent;
    }

    private void inflateFully(byte[] into, int length) throws IOException {
        int done = 0;
        try {
            while (done < length) {
                int n = inflater.inflate(into, done, length - done);
                done += n;
                if (n == 0) {
                    if (inflater.finished() || inflater.needsDictionary()) {
                        throw DatasetException.at(displayName, -1, "cannot decode the mask: its image data ends at row "
                                + rowsRead + " of " + height);
                    }
                    if (inflater.needsInput() && !fillInput()) {
                        throw DatasetException.at(displayName, -1, "cannot decode the mask: the file ends early");
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new DatasetException(displayName, -1, -1, "cannot decode the mask: corrupt image data ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Hands the inflater the next bytes of image data, across IDAT chunks; false at its end. */
    private boolean fillInput() throws IOException {
        while (idatLeft == 0) {
            in.readInt(); // CRC
            long length = Integer.toUnsignedLong(in.readInt());
            if (in.readInt() != IDAT) {
                idatLeft = -1;
                return false;
            }
            idatLeft = length;
        }
        if (idatLeft < 0) {
            return false;
        }
        int n = in.read(input, 0, (int) Math.min(input.length, idatLeft));
        if (n < 0) {
            throw new EOFException();
        }
        idatLeft -= n;
        inflater.setInput(input, 0, n);
        return true;
    }

    @Override
    public void close() {
        inflater.end();
        close(in);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
    }
}
