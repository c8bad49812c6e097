package io.datum.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A PNG file written chunk by chunk: the signature and the header first, then whatever chunks a test
 * wants, split as it wants (image data in many pieces, comments, palettes), which an image encoder
 * would not let it choose; {@link #end()} adds {@code IEND}. The image data must be deflated by the
 * caller, filter bytes included.
 */
public final class PngFile {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();

    /** Starts a file: the signature and an {@code IHDR} chunk (compression and filter method 0). */
    public PngFile(int width, int height, int bitDepth, int colorType, int interlace) {
        file.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = (byte) bitDepth;
        header[9] = (byte) colorType;
        header[12] = (byte) interlace;
        chunk("IHDR", header);
    }

    /** Adds a chunk: its length, type, data and the CRC of type and data. */
    public PngFile chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(data.length);
        file.writeBytes(typeBytes);
        file.writeBytes(data);
        writeInt((int) crc.getValue());
        return this;
    }

    /** Adds {@code IEND} and returns the file's bytes. */
    public byte[] end() {
        chunk("IEND", new byte[0]);
        return file.toByteArray();
    }

    private void writeInt(int v) {
        byte[] b = new byte[4];
        putInt(b, 0, v);
        file.writeBytes(b);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
