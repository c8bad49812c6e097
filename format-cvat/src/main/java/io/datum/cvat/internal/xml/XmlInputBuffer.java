package io.datum.cvat.internal.xml;

import io.datum.spi.DatasetException;
import io.datum.support.io.BufferLimitException;
import io.datum.support.io.ByteInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The bytes under {@link Utf8XmlScanner}: a buffer refilled from the stream that keeps the current token
 * whole (growing up to a bound set by the limits), the token's place in the file, line and column found
 * on demand by counting again from the last place found, and the scanner's error messages.
 */
abstract class XmlInputBuffer implements XmlCursor {
    final ByteInput input;
    final String file;
    final XmlLimits limits;

    /** The bytes read at a time, and the buffer's first size (a token longer than the buffer grows it). */
    static final int BUFFER_SIZE = 1 << 16;

    byte[] buf;   // the input's buffer and limit as of its last refill (the layers' loops read these fields)
    int tok;      // first byte of the current token; bytes before it may be discarded
    int limit;    // end of the bytes read

    // Where buf[0] is in the file (after a byte-order mark). Lines are not counted while reading:
    // a line number is asked for rarely (messages, label positions in <meta>), and then found by
    // reading the file again from the last position found (see locate()).
    final Path path;
    final int skipped;
    long discarded;
    long locatedAt;              // the last position located, and its line and column
    long locatedLine = 1;
    long locatedColumn;
    boolean locatedAfterCr;
    int eventAt;  // the current event's first byte (line and column point at it)
    int tokenEnd;                    // where the current token ends; the next starts there

    XmlInputBuffer(InputStream in, Path path, int skipped, String file, XmlLimits limits, int bufferSize) {
        // a token (a start tag, a text run) must fit in the buffer: at most 4 bytes a character
        this.input = new ByteInput(in, bufferSize, 4L * Math.max(limits.maxAttributeLength(), limits.maxTextLength()) + (1 << 20));
        this.buf = input.buffer();
        this.path = path;
        this.skipped = skipped;
        this.file = file;
        this.limits = limits;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public long line() {
        locate(discarded + Math.min(eventAt, limit));
        return locatedLine;
    }

    @Override
    public long column() {
        locate(discarded + Math.min(eventAt, limit));
        return locatedColumn + 1;
    }

    /** Counts lines and the characters of the last one up to {@code position} (in the file after the mark). */
    final void locate(long position) {
        if (position < locatedAt) {
            locatedAt = 0;
            locatedLine = 1;
            locatedColumn = 0;
            locatedAfterCr = false;
        }
        if (position == locatedAt) {
            return;
        }
        if (position >= discarded) {
            // still in the buffer, and so is everything from locatedAt when that is too
            if (locatedAt >= discarded) {
                count(buf, (int) (locatedAt - discarded), (int) (position - discarded));
                return;
            }
        }
        try (InputStream again = java.nio.file.Files.newInputStream(path)) {
            again.skipNBytes(skipped + locatedAt);
            byte[] chunk = new byte[1 << 16];
            while (locatedAt < position) {
                int n = again.read(chunk, 0, (int) Math.min(chunk.length, position - locatedAt));
                if (n < 0) {
                    break;
                }
                count(chunk, 0, n);
            }
        } catch (IOException e) {
            locatedLine = -1;
            locatedColumn = -1;
        }
        locatedAt = position;
    }

    final void count(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (!locatedAfterCr) {
                    locatedLine++;
                }
                locatedColumn = 0;
            } else if (b == '\r') {
                locatedLine++;
                locatedColumn = 0;
            } else if ((b & 0xC0) != 0x80) {
                locatedColumn++;
            }
            locatedAfterCr = b == '\r';
        }
        locatedAt += to - from;
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            // nothing was written, so nothing is lost
        }
    }

    /**
     * Makes the byte at {@code p} (== limit) available: discards what is before the current token,
     * grows the buffer if the token fills it, reads. Returns the byte's new position, -1 at the end.
     */
    final int more(int p) throws IOException {
        if (input.atEnd()) {
            return -1;
        }
        int shift;
        try {
            shift = input.fill(tok);
        } catch (BufferLimitException e) {
            throw at("markup or text longer than " + e.maxBytes() + " bytes (limit of the CVAT reader)");
        }
        discarded += shift;
        p -= shift;
        eventAt -= shift;
        tokenEnd -= shift;
        tok -= shift;
        buf = input.buffer();
        limit = input.limit();
        return input.atEnd() ? -1 : p;
    }

    /** Ensures {@code n} bytes from {@code p}; returns p's (maybe new) position, or -1 if the file ends first. */
    final int need(int p, int n) throws IOException {
        while (limit - p < n) {
            int before = limit;
            int q = more(limit);
            if (q < 0) {
                return -1;
            }
            p -= before - q;
        }
        return p;
    }

    final DatasetException malformed(String problem) {
        return at("malformed XML: " + problem);
    }

    final DatasetException tooLong(String what, long max) {
        return at(what + " longer than " + max + " characters (limit of the CVAT reader)");
    }

    /** {@link #tooLong}, pointing at {@code p}: the character that went past the limit. */
    final DatasetException tooLongAt(int p, String what, long max) {
        eventAt = p;
        return tooLong(what, max);
    }

    final DatasetException invalidCharacter(int p, int c) {
        eventAt = p;
        return malformed(String.format("the character U+%04X is not allowed in XML", c));
    }

    final DatasetException invalidUtf8(int p) {
        eventAt = p;
        return at("bytes that are not valid UTF-8");
    }
}
