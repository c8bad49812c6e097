package io.datum.openimages.internal.write;

import io.datum.model.MaskData;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes a single-channel 8-bit PNG. ImageIO's encoder tries every row filter on every row,
 * which makes mask export several times slower than decoding; masks are runs of 0 and 1, which
 * deflate compresses well unfiltered, so rows are written with filter 0 at OpenCV's default
 * level (1).
 */
final class GreyPng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IDAT_CHUNK = 1 << 16;

    private GreyPng() {
    }

    /** Writes {@code mask}'s pixels as they are (0 and 1), a row at a time as the mask gives them. */
    static void write(Path file, MaskData mask) throws IOException {
        int width = mask.width();
        int height = mask.height();
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, IDAT_CHUNK + 64))) {
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8);
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            chunk(out, "IHDR", header.toByteArray(), header.size());
            Deflater deflater = new Deflater(1);
            try (IdatStream idat = new IdatStream(out);
                 DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, IDAT_CHUNK)) {
                try {
                    mask.forEachRow((row, y) -> {
                        try {
                            z.write(0);
                            z.write(row, 0, width);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                z.finish();
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0], 0);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        out.writeInt(length);
        out.write(typeBytes);
        out.write(data, 0, length);
        out.writeInt((int) crc.getValue());
    }

    /** Cuts the compressed stream into IDAT chunks; closing flushes the last one but not the file. */
    private static final class IdatStream extends OutputStream {
        private final DataOutputStream out;
        private final byte[] buffer = new byte[IDAT_CHUNK];
        private int size;

        IdatStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushChunk();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (size > 0) {
                chunk(out, "IDAT", buffer, size);
                size = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }
}
