package io.datum.openimages.internal.read;

import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.ByteRuns;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.support.io.BufferLimitException;
import io.datum.support.io.ByteInput;
import io.datum.support.io.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads only the ImageID column of a label, box or mask file: what opening needs (which items
 * the file brings, in order, and whether its rows come in item order) at a fraction of the cost
 * of parsing every cell. Records are split in {@link CsvTable}'s dialect ({@code "} quoting,
 * any line ending, blank lines skipped, a leading BOM ignored) from the bytes, without building
 * cells; UTF-8 is checked only where a byte is not ASCII, and an id becomes a String only when
 * the sink needs one (a new item).
 *
 * <p>The scan validates nothing: the passes parse every row with {@link AnnotationRowReader}.
 * Whatever the scan cannot read the way that reader would (a quoted ImageID or header, a
 * malformed quote, a short row, invalid UTF-8, a huge record, no ImageID column) makes it give
 * up, and the caller reads the file with the full reader, which reports any error exactly.
 */
final class ImageIdScanner {
    /** Receives the ImageID of each run of consecutive rows with the same ImageID. */
    interface IdSink {
        /** False to give up: the caller then reads the file with the full reader. */
        boolean accept(String id);

        /** The id as well-formed UTF-8 bytes {@code utf8[from, to)}; decoded for {@link #accept(String)} unless overridden. */
        default boolean accept(byte[] utf8, int from, int to) {
            return accept(new String(utf8, from, to - from, StandardCharsets.UTF_8));
        }
    }

    /**
     * A sink that looks ids up by their bytes (the catalog keeps them as UTF-8): the one it has to
     * implement is {@link #accept(byte[], int, int)}, and an id given as a String is encoded to it.
     */
    interface Utf8IdSink extends IdSink {
        @Override
        default boolean accept(String id) {
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            return accept(bytes, 0, bytes.length);
        }

        @Override
        boolean accept(byte[] utf8, int from, int to);
    }

    private static final int NO_CHAR = -1;
    /** Bytes that end an unquoted field: comma, CR, LF, and non-ASCII bytes (checked, then skipped). */
    private static final boolean[] FIELD_STOP = new boolean[256];

    static {
        for (int b = 0x80; b < 0x100; b++) {
            FIELD_STOP[b] = true;
        }
        FIELD_STOP[','] = true;
        FIELD_STOP['\r'] = true;
        FIELD_STOP['\n'] = true;
    }

    /**
     * The file's bytes; a record may take up to twice {@link CsvTable#MAX_RECORD_CHARS} bytes
     * (perhaps fewer chars: the full reader decides) before the scan gives up.
     */
    private final ByteInput input;
    /** The header name of the image id column. */
    private final String idColumnName;
    /** The input's buffer and limit as of its last refill. */
    private byte[] buf;
    private int pos;
    private int limit;
    /** Start of the current record in {@code buf}: refills keep the record from here on. */
    private int recordStart;
    private boolean eof;
    /** A record outgrew the input's limit, or a byte is not UTF-8: the scan stops there and gives up. */
    private boolean gaveUp;

    private ImageIdScanner(InputStream in, String idColumnName) {
        this.input = new ByteInput(in, 1 << 17, 2L * CsvTable.MAX_RECORD_CHARS);
        this.buf = input.buffer();
        this.idColumnName = idColumnName;
    }

    /** Scans the ImageID column of {@code file}; false when the scan gave up (its sink may have seen some ids). */
    static boolean scan(Path file, IdSink sink) throws IOException {
        return scan(file, OpenImagesPaths.IMAGE_ID, sink);
    }

    /** Scans the column named {@code idColumnName}, as {@link #scan(Path, IdSink)} does ImageID. */
    static boolean scan(Path file, String idColumnName, IdSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ImageIdScanner scanner = new ImageIdScanner(in, idColumnName);
            return scanner.run(sink) && !scanner.gaveUp;
        }
    }

    private boolean run(IdSink sink) throws IOException {
        skipByteOrderMark();
        int idColumn = -1;
        boolean header = true;
        byte[] previous = new byte[0];
        int previousLength = -1;
        while (true) {
            int c = skipBlankLines();
            if (c == NO_CHAR) {
                return true;
            }
            recordStart = pos;
            int column = 0;
            int idStart = -1;
            int idEnd = -1;
            while (true) {
                if (peek() == '"') {
                    if (header || column == idColumn || !skipQuotedField()) {
                        return false;
                    }
                } else {
                    int start = pos;
                    int shiftBefore = recordStart;
                    skipSimpleField();
                    // refills move the record to the front of the buffer
                    start -= shiftBefore - recordStart;
                    if (header) {
                        if (new String(buf, start, pos - start, StandardCharsets.UTF_8).equals(idColumnName)) {
                            idColumn = column; // DictReader: a later duplicate name wins
                        }
                    } else if (column == idColumn) {
                        idStart = start - recordStart;
                        idEnd = pos - recordStart;
                    }
                }
                int next = peek();
                if (next != ',') {
                    break; // end of line or of input
                }
                pos++;
                column++;
                if (!header && column > idColumn) {
                    // the rest of the record matters only for where it ends
                    if (!skipRestOfRecord()) {
                        return false;
                    }
                    break;
                }
            }
            if (header) {
                if (idColumn < 0) {
                    return false;
                }
                header = false;
            } else {
                if (idStart < 0) {
                    return false;
                }
                int length = idEnd - idStart;
                int from = recordStart + idStart;
                if (length != previousLength || !Arrays.equals(buf, from, from + length, previous, 0, length)) {
                    if (gaveUp || !sink.accept(buf, from, from + length)) {
                        return false;
                    }
                    if (previous.length < length) {
                        previous = new byte[length * 2];
                    }
                    System.arraycopy(buf, from, previous, 0, length);
                    previousLength = length;
                }
            }
            skipEndOfLine();
        }
    }

    /** Skips empty lines before a record; the record's first char, or NO_CHAR at the end. */
    private int skipBlankLines() throws IOException {
        while (true) {
            recordStart = pos;
            int c = peek();
            if (c != '\r' && c != '\n') {
                return c;
            }
            skipEndOfLine();
        }
    }

    private void skipEndOfLine() throws IOException {
        int c = peek();
        if (c == '\r') {
            pos++;
            if (peek() == '\n') {
                pos++;
            }
        } else if (c == '\n') {
            pos++;
        }
    }

    private void skipByteOrderMark() throws IOException {
        boolean mark = input.startsWithByteOrderMark();
        buf = input.buffer();
        limit = input.limit();
        if (mark) {
            pos = 3;
        }
    }

    private void skipSimpleField() throws IOException {
        while (true) {
            int p = pos;
            int end = limit;
            byte[] b = buf;
            while (p < end && !FIELD_STOP[b[p] & 0xFF]) {
                p++;
            }
            pos = p;
            if (p < end) {
                if (b[p] >= 0) {
                    return; // comma or line end
                }
                if (!skipUtf8()) {
                    return;
                }
                continue;
            }
            if (!fill()) {
                return;
            }
        }
    }

    /** Skips the well-formed UTF-8 sequence at {@code pos}; false (and gives up) when it is not one. */
    private boolean skipUtf8() throws IOException {
        ensure(4);
        int n = Utf8.sequenceLength(buf, pos, limit);
        if (n < 0) {
            gaveUp = true;
            eof = true;
            limit = pos;
            return false;
        }
        pos += n;
        return true;
    }

    /** Buffers {@code count} bytes from {@code pos} when the input has them. */
    private void ensure(int count) throws IOException {
        while (limit - pos < count && fill()) {
            // fill() keeps the record and appends
        }
    }

    /**
     * Skips to the end of the record (its line break, or the end of the input) from the start of
     * a field, through quoted fields; false when one is malformed. Commas need no stop here.
     */
    private boolean skipRestOfRecord() throws IOException {
        if (peek() == '"' && !skipQuotedField()) {
            return false;
        }
        while (true) {
            int p = ByteRuns.nextStop(buf, pos, limit);
            int end = limit;
            byte[] b = buf;
            pos = p;
            if (p == end) {
                if (!fill()) {
                    return true;
                }
                continue;
            }
            byte c = b[p];
            if (c == '\r' || c == '\n') {
                return true;
            }
            if (c == '"') {
                // a quote opens a quoted field only as a field's first char (the record is
                // kept in the buffer, so the char before it is there)
                if (b[p - 1] == ',') {
                    if (!skipQuotedField()) {
                        return false;
                    }
                } else {
                    pos++;
                }
            } else if (!skipUtf8()) {
                return false;
            }
        }
    }

    /** Skips a quoted field; false when it is malformed (unclosed, or text after the closing quote). */
    private boolean skipQuotedField() throws IOException {
        pos++;
        while (true) {
            int c = peek();
            if (c >= 0x80) {
                if (!skipUtf8()) {
                    return false;
                }
                continue;
            }
            c = read();
            if (c == NO_CHAR) {
                return false;
            }
            if (c == '"') {
                if (peek() == '"') {
                    pos++;
                    continue;
                }
                int next = peek();
                return next == ',' || next == '\r' || next == '\n' || next == NO_CHAR;
            }
        }
    }

    /** The byte at {@code pos} (0 to 255), or NO_CHAR at the end. */
    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return NO_CHAR;
        }
        return buf[pos] & 0xFF;
    }

    private int read() throws IOException {
        int c = peek();
        if (c != NO_CHAR) {
            pos++;
        }
        return c;
    }

    /**
     * Reads more input after the current record's chars; false at the end (or when the record
     * outgrew the input's limit: then the scan gives up). The record moves to the front of the
     * buffer, which grows while a record is longer than it.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int shift;
        try {
            shift = input.fill(recordStart);
        } catch (BufferLimitException e) {
            gaveUp = true;
            eof = true;
            return false;
        }
        pos -= shift;
        recordStart -= shift;
        buf = input.buffer();
        boolean more = input.limit() > limit - shift;
        limit = input.limit();
        eof = input.atEnd();
        return more;
    }
}
