package io.datum.support.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A byte buffer refilled from a stream, for readers that tokenise bytes in place. The reader keeps
 * its own position and hands the buffer's index of the first byte it still needs to
 * {@link #fill(int)}: everything before it is discarded, the rest moves to the front of the buffer,
 * and the buffer grows (doubling, up to a size limit) only when that kept part fills it. So a
 * record, a line or a token is always whole in one array, and memory stays bounded by the largest
 * one the limit allows.
 *
 * <p>Indices into {@link #buffer()} move at each refill by the amount it returns, and the array
 * itself changes when it grows: readers cache both and refresh them after each refill. Not
 * thread-safe.
 */
@ProviderType
public final class ByteInput implements Closeable {
    private final InputStream in;
    private final long maxBytes;
    private byte[] buf;
    private int limit;
    private boolean atEnd;
    private long discarded;

    /**
     * Reads {@code in} into a buffer of {@code initialBytes}, which may grow to {@code maxBytes}
     * (capped at the largest array Java allows) while the part kept does not fit.
     */
    public ByteInput(InputStream in, int initialBytes, long maxBytes) {
        if (initialBytes < 4 || maxBytes < initialBytes) {
            throw new IllegalArgumentException("buffer of " + initialBytes + " bytes, limit " + maxBytes);
        }
        this.in = in;
        this.buf = new byte[initialBytes];
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    }

    /** The buffer; bytes {@code [0, limit())} are the input read and not yet discarded. */
    public byte[] buffer() {
        return buf;
    }

    /** The end of the bytes read into {@link #buffer()}. */
    public int limit() {
        return limit;
    }

    /** Whether the stream has ended: no refill will bring more bytes. */
    public boolean atEnd() {
        return atEnd;
    }

    /** How many bytes of the stream were discarded before {@code buffer()[0]}: its position in the stream. */
    public long discarded() {
        return discarded;
    }

    /** The size limit the buffer may grow to. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads more bytes after {@link #limit()}, first discarding the bytes before {@code keepFrom}
     * (moving the rest to the front) and growing the buffer if the kept bytes fill it. Reads at
     * least one byte unless the stream has ended (then {@link #atEnd()} turns true and the limit
     * stays). Returns how far the kept bytes moved: subtract it from every index into the buffer.
     *
     * @throws BufferLimitException when the bytes from {@code keepFrom} fill a buffer already at
     *     its size limit; nothing is discarded or read then
     */
    public int fill(int keepFrom) throws IOException {
        if (atEnd) {
            return 0;
        }
        if (keepFrom == 0 && limit == buf.length && buf.length >= maxBytes) {
            throw new BufferLimitException(maxBytes);
        }
        int shift = keepFrom;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            discarded += shift;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            atEnd = true;
        } else {
            limit += n;
        }
        return shift;
    }

    /**
     * Makes sure {@code count} bytes from index {@code p} are buffered when the stream has them,
     * refilling as {@link #fill(int)} does with the bytes from {@code keepFrom} (at most
     * {@code p}) kept. Returns how far the kept bytes moved in all.
     */
    public int ensure(int p, int count, int keepFrom) throws IOException {
        int shift = 0;
        while (limit - p < count && !atEnd) {
            int s = fill(keepFrom);
            shift += s;
            p -= s;
            keepFrom -= s;
        }
        return shift;
    }

    /**
     * Whether the stream starts with the UTF-8 byte-order mark (EF BB BF). Asked before anything
     * is discarded; reads the first bytes if they are not buffered yet.
     */
    public boolean startsWithByteOrderMark() throws IOException {
        if (discarded != 0) {
            throw new IllegalStateException("the start of the stream was discarded");
        }
        ensure(0, 3, 0);
        return limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
