package io.datum.cvat.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes in a charset strictly, counting lines as it goes, so that the first bytes that
 * are not valid in the charset are reported at their own line and column. A decoder reads ahead
 * of the parser, so the parser's position at such a failure says nothing about where the bytes
 * are. Lines end at LF, CR or CRLF.
 */
final class StrictDecodingReader extends Reader {
    /** Bytes that are not valid in the charset, at the line and column where they start. */
    static final class Malformed extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;
        private final String charset;

        Malformed(long line, long column, String charset) {
            this.line = line;
            this.column = column;
            this.charset = charset;
        }

        @Override
        public String getMessage() {
            return "bytes that are not valid " + charset;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 13).flip();
    private boolean eof;
    private boolean flushed;
    /** Where the next decoded char goes. */
    private long line = 1;
    private long column = 1;
    private boolean afterCr;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            decode();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes the next chars into {@link #chars} (maybe none), reading bytes as needed. */
    private void decode() throws IOException {
        if (!eof && bytes.remaining() < 16) {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (!result.isError() && eof && !bytes.hasRemaining()) {
            result = decoder.flush(chars);
            flushed = !result.isOverflow();
        }
        chars.flip();
        count();
        if (result.isError()) {
            throw new Malformed(line, column, decoder.charset().name());
        }
    }

    /** Moves the position over the chars just decoded. */
    private void count() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\n' && afterCr) {
                column = 1;
            } else if (c == '\n' || c == '\r') {
                line++;
                column = 1;
            } else {
                column++;
            }
            afterCr = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
