package io.datum.support.io;

import java.io.IOException;

/**
 * The part of the input a reader must keep whole (a record, a line, a token) has filled a
 * {@link ByteInput} at its size limit: the input is malformed or hostile, not unreadable. Each
 * reader turns it into its own message (with the file and the line) or into a fallback.
 */
public final class BufferLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    BufferLimitException(long maxBytes) {
        super("more than " + maxBytes + " bytes to keep in the input buffer");
        this.maxBytes = maxBytes;
    }

    /** The size limit that was reached. */
    public long maxBytes() {
        return maxBytes;
    }
}
