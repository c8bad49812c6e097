package io.datum.openimages.internal.csv;

import io.datum.spi.DatasetException;
import io.datum.support.io.ByteInput;
import io.datum.support.io.Utf8;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV records split straight from UTF-8 bytes, in the dialect this module used to read with
 * commons-csv ({@code CSVFormat.DEFAULT} with empty lines ignored, which tests compare against):
 * {@code ,} between cells; a cell that starts with {@code "} is quoted, may hold commas and line
 * breaks, spells a quote as {@code ""} and may be followed by white space before the next comma;
 * a quote elsewhere is an ordinary character; CR, LF and CRLF all end a record; empty lines are
 * skipped; a leading BOM is ignored (docs/differences.md, D8). Malformed input (text after a closing quote,
 * an unclosed quote, bytes that are not UTF-8, a record longer than {@link CsvTable#MAX_RECORD_CHARS}
 * characters) is a {@link DatasetException} naming the file and the line.
 *
 * <p>Why not commons-csv: it decodes to chars, then builds a String per cell and a record object
 * per row, about 110 MB/s, which made it two thirds of an Open Images read (docs/performance.md).
 * This reads into one byte buffer and leaves each cell where it is, as an offset range (quoted
 * cells are unescaped in place, never longer than their raw bytes), so that callers parse numbers
 * and look labels and ids up without a String; UTF-8 is checked as the bytes go by, only on the
 * rare non-ASCII ones. Cells stay valid until the next {@link #next()}. Not thread-safe.
 */
public final class CsvRecordReader implements Closeable {
    private static final int BUFFER_BYTES = 1 << 17;
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** Bytes that end a run of ordinary cell bytes: comma, quote, CR, LF and every non-ASCII byte. */
    private static final boolean[] PLAIN_STOP = new boolean[256];
    /** Bytes that end a run inside quotes: quote, CR, LF and every non-ASCII byte. */
    private static final boolean[] QUOTED_STOP = new boolean[256];

    static {
        for (int b = 0x80; b < 0x100; b++) {
            PLAIN_STOP[b] = true;
            QUOTED_STOP[b] = true;
        }
        for (byte b : new byte[] {COMMA, QUOTE, CR, LF}) {
            PLAIN_STOP[b] = true;
        }
        for (byte b : new byte[] {QUOTE, CR, LF}) {
            QUOTED_STOP[b] = true;
        }
    }

    private final ByteInput input;
    private final String displayName;
    /** The input's buffer and limit as of its last refill (the hot loops read these fields). */
    private byte[] buf;
    private int limit;
    private boolean started;
    /** Where the current record starts in {@link #buf}; refills keep the bytes from here on. */
    private int recordStart;
    /** Where parsing goes on: just after the current record. */
    private int pos;
    /**
     * Cell bounds, relative to {@link #recordStart} (refills move the record, not these): the
     * start of cell i at 2i, its end at 2i + 1, in one array that the hot loop keeps in a local.
     */
    private int[] bounds = new int[32];
    private int cells;
    /** The line at {@link #pos}, counted as commons-csv counts: CR, LF and CRLF are one break each. */
    private long line = 1;
    private long recordFirstLine;
    private long recordLastLine;
    /** UTF-8 bytes of the current record beyond its UTF-16 chars: the record limit counts chars. */
    private int extraBytes;
    /** The last line break was a CR: an LF right after it belongs to it. */
    private boolean afterCr;
    /**
     * Cells kept per record; the rest are checked as they would be read (quotes, UTF-8, length,
     * line breaks in quotes) but not kept. Skipping them costs a fraction of splitting them.
     */
    private int keptCells = Integer.MAX_VALUE;

    CsvRecordReader(InputStream in, String displayName) {
        this(in, displayName, BUFFER_BYTES);
    }

    /** With a buffer of {@code bufferBytes} to start with (tests use tiny ones to cross refills often). */
    CsvRecordReader(InputStream in, String displayName, int bufferBytes) {
        // no size limit of its own: checkLength() bounds a record by its characters before each refill
        this.input = new ByteInput(in, Math.max(4, bufferBytes), Integer.MAX_VALUE);
        this.displayName = displayName;
        this.buf = input.buffer();
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        cells = 0;
        extraBytes = 0;
        int p = skipEmptyLines();
        if (p < 0) {
            return false;
        }
        recordStart = p;
        recordFirstLine = line;
        int end = plainRecord(p);
        if (end >= 0) {
            return endRecord(end);
        }
        cells = 0;
        while (true) {
            // p is where a cell starts
            if (p == limit) {
                p -= fill();
            }
            p = p < limit && buf[p] == QUOTE ? quotedCell(p) : plainCell(p);
            // p is at the comma or line break after the cell, or at the end of the input
            if (p < limit && buf[p] == COMMA) {
                p++;
                if (cells == keptCells) {
                    return endRecord(skipRest(p));
                }
                continue;
            }
            return endRecord(p);
        }
    }

    /**
     * The fast path for the usual record: ASCII, no quotes, its line break already buffered. One
     * comparison per byte sends every byte above {@code ','} on (digits, letters, {@code .-/});
     * the rest are looked at. Returns the index of the line break, or -1 when the record is not
     * that simple (then the general path reads it from its start again).
     */
    private int plainRecord(int p) {
        byte[] b = buf;
        int end = limit;
        int base = recordStart;
        int[] cellBounds = bounds;
        int n = 0;
        int cellStart = p;
        while (p < end) {
            byte c = b[p];
            if (c > COMMA) {
                p++;
            } else if (c == COMMA || c == LF || c == CR) {
                if (n + 2 > cellBounds.length) {
                    cellBounds = bounds = Arrays.copyOf(cellBounds, cellBounds.length * 2);
                }
                cellBounds[n] = cellStart - base;
                cellBounds[n + 1] = p - base;
                n += 2;
                if (c != COMMA) {
                    cells = n >> 1;
                    return p;
                }
                cellStart = ++p;
                if (n >> 1 == keptCells) {
                    // the rest only for where it ends: ASCII without quotes, or the general path
                    p = ByteRuns.nextStop(b, p, end);
                    if (p == end || b[p] == QUOTE || b[p] < 0) {
                        return -1;
                    }
                    cells = keptCells;
                    return p;
                }
            } else if (c == QUOTE || c < 0) {
                return -1;
            } else {
                p++;
            }
        }
        return -1;
    }

    /** Reads an unquoted cell from {@code p}; returns where it ends (a comma, a line break, the end of input). */
    private int plainCell(int p) throws IOException {
        int start = p;
        while (true) {
            // the hot loop: ordinary bytes
            byte[] b = buf;
            int end = limit;
            while (p < end && !PLAIN_STOP[b[p] & 0xFF]) {
                p++;
            }
            if (p == end) {
                checkLength(p);
                int shift = fill();
                p -= shift;
                start -= shift;
                if (p == limit) {
                    break;
                }
                continue;
            }
            byte c = b[p];
            if (c == COMMA || c == CR || c == LF) {
                break;
            }
            if (c == QUOTE) {
                p++; // a quote inside an unquoted cell is an ordinary character
            } else {
                int shift = ensure(p, 4);
                p -= shift;
                start -= shift;
                p += utf8Sequence(p);
            }
        }
        addCell(start, p);
        return p;
    }

    /**
     * Reads a quoted cell whose opening quote is at {@code open}, unescaping it in place; returns
     * where it ends (see {@link #afterClosingQuote}).
     */
    private int quotedCell(int open) throws IOException {
        int contentStart = open + 1;
        int read = contentStart;
        int write = contentStart;
        while (true) {
            byte[] b = buf;
            int end = limit;
            if (read == write) {
                while (read < end && !QUOTED_STOP[b[read] & 0xFF]) {
                    read++;
                }
                write = read;
            } else {
                while (read < end && !QUOTED_STOP[b[read] & 0xFF]) {
                    b[write++] = b[read++];
                }
            }
            if (read == end) {
                checkLength(read);
                int shift = fill();
                read -= shift;
                write -= shift;
                contentStart -= shift;
                if (read == limit) {
                    throw malformed(recordFirstLine, "EOF reached before encapsulated token finished");
                }
                continue;
            }
            byte c = b[read];
            if (c == QUOTE) {
                int shift = ensure(read, 2);
                read -= shift;
                write -= shift;
                contentStart -= shift;
                if (read + 1 < limit && buf[read + 1] == QUOTE) {
                    buf[write++] = QUOTE;
                    read += 2;
                    continue;
                }
                addCell(contentStart, write);
                return afterClosingQuote(read + 1);
            }
            if (c == CR || c == LF) {
                // a line break inside quotes is content; lines are counted as commons-csv counts them
                if (c == CR || b[read - 1] != CR) {
                    line++;
                }
                b[write++] = c;
                read++;
            } else {
                int shift = ensure(read, 4);
                read -= shift;
                write -= shift;
                contentStart -= shift;
                int n = utf8Sequence(read);
                System.arraycopy(buf, read, buf, write, n);
                read += n;
                write += n;
            }
        }
    }

    /**
     * Skips the cells from {@code p} (the start of a cell) to the end of the record, checking them
     * as {@link #plainCell} and {@link #quotedCell} would, without keeping them; returns where the
     * record ends (its line break or the end of the input).
     */
    private int skipRest(int p) throws IOException {
        boolean cellStart = true;
        while (true) {
            if (p == limit) {
                checkLength(p);
                p -= fill();
                if (p == limit) {
                    return p;
                }
            }
            if (cellStart && buf[p] == QUOTE) {
                p = skipQuotedCell(p);
                if (p < limit && buf[p] == COMMA) {
                    p++;
                    continue;
                }
                return p;
            }
            // commas need no stop: what follows one matters only when it is a quote
            p = ByteRuns.nextStop(buf, p, limit);
            if (p == limit) {
                cellStart = false;
                continue;
            }
            byte c = buf[p];
            if (c == CR || c == LF) {
                return p;
            }
            if (c == QUOTE) {
                // the record is kept in the buffer, so the byte before the quote is there
                cellStart = buf[p - 1] == COMMA;
                if (!cellStart) {
                    p++; // a quote inside an unquoted cell is an ordinary character
                }
            } else {
                p -= ensure(p, 4);
                p += utf8Sequence(p);
                cellStart = false;
            }
        }
    }

    /** {@link #quotedCell} without keeping the cell: returns where it ends (see {@link #afterClosingQuote}). */
    private int skipQuotedCell(int open) throws IOException {
        int read = open + 1;
        while (true) {
            read = ByteRuns.nextStop(buf, read, limit);
            if (read == limit) {
                checkLength(read);
                read -= fill();
                if (read == limit) {
                    throw malformed(recordFirstLine, "EOF reached before encapsulated token finished");
                }
                continue;
            }
            byte c = buf[read];
            if (c == QUOTE) {
                read -= ensure(read, 2);
                if (read + 1 < limit && buf[read + 1] == QUOTE) {
                    read += 2;
                    continue;
                }
                return afterClosingQuote(read + 1);
            }
            if (c == CR || c == LF) {
                if (c == CR || buf[read - 1] != CR) {
                    line++;
                }
                read++;
            } else {
                read -= ensure(read, 4);
                read += utf8Sequence(read);
            }
        }
    }

    /**
     * After a closing quote only white space may come before the comma or the line break (and is
     * dropped, as commons-csv drops it). Returns where the cell ends: the comma, the line break or
     * the end of the input.
     */
    private int afterClosingQuote(int p) throws IOException {
        while (true) {
            if (p == limit) {
                p -= fill();
                if (p == limit) {
                    return p;
                }
            }
            byte c = buf[p];
            if (c == COMMA || c == CR || c == LF) {
                return p;
            }
            int n = 1;
            char ch = (char) c;
            if (c < 0) {
                p -= ensure(p, 4);
                n = utf8Sequence(p);
                String s = new String(buf, p, n, StandardCharsets.UTF_8);
                ch = s.length() == 1 ? s.charAt(0) : 'x';
            }
            if (!Character.isWhitespace(ch)) {
                throw malformed(line, "Invalid character between encapsulated token and delimiter");
            }
            p += n;
        }
    }

    /** Ends the record at {@code p}: its line break, or the end of the input. */
    private boolean endRecord(int p) {
        checkLength(p);
        recordLastLine = line;
        pos = p;
        if (p < limit) {
            // the LF of a CRLF is skipped with the empty lines, without counting a line
            afterCr = buf[p] == CR;
            line++;
            pos++;
        }
        return true;
    }

    /** Skips empty lines; returns where the next record starts, or -1 at the end of the input. */
    private int skipEmptyLines() throws IOException {
        int p = pos;
        while (true) {
            if (p == limit) {
                recordStart = p;
                p -= fill();
                if (p == limit) {
                    pos = p;
                    return -1;
                }
            }
            byte c = buf[p];
            if (c == LF) {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
                p++;
            } else if (c == CR) {
                line++;
                afterCr = true;
                p++;
            } else {
                afterCr = false;
                return p;
            }
        }
    }

    private void skipByteOrderMark() throws IOException {
        boolean mark = input.startsWithByteOrderMark();
        refreshed();
        if (mark) {
            pos = 3;
        }
    }

    private void addCell(int start, int end) {
        if (2 * cells + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * cells] = start - recordStart;
        bounds[2 * cells + 1] = end - recordStart;
        cells++;
    }

    /**
     * Fails when the record, read up to {@code end}, is longer than allowed. Checked before every
     * refill, so that a record never grows the buffer far past the limit.
     */
    private void checkLength(int end) {
        if (end - recordStart - extraBytes > CsvTable.MAX_RECORD_CHARS) {
            throw tooLong();
        }
    }

    /**
     * Checks the UTF-8 sequence at {@code p} (a non-ASCII lead byte) as Java's strict decoder
     * would: no stray continuation bytes, overlong forms, surrogates or code points past U+10FFFF.
     * Returns its length.
     */
    private int utf8Sequence(int p) {
        int n = Utf8.sequenceLength(buf, p, limit);
        if (n < 0) {
            throw DatasetException.at(displayName, line, "not valid UTF-8 text");
        }
        // two and three bytes make one char, four bytes a surrogate pair
        extraBytes += n == 4 ? 2 : n - 1;
        return n;
    }

    /**
     * Makes sure {@code count} bytes from {@code p} are buffered when the input has them; returns
     * how far the record moved (subtract it from every index into the buffer).
     */
    private int ensure(int p, int count) throws IOException {
        int shift = input.ensure(p, count, recordStart);
        recordStart -= shift;
        refreshed();
        return shift;
    }

    /**
     * Reads more input after what is buffered, first moving the current record to the front
     * (growing the buffer when the record fills it). Returns how far the record moved.
     */
    private int fill() throws IOException {
        int shift = input.fill(recordStart);
        recordStart -= shift;
        refreshed();
        return shift;
    }

    private void refreshed() {
        buf = input.buffer();
        limit = input.limit();
    }

    private DatasetException tooLong() {
        return DatasetException.at(displayName, recordFirstLine,
                "a record is longer than " + CsvTable.MAX_RECORD_CHARS + " characters (an unclosed quote?)");
    }

    private DatasetException malformed(long at, String problem) {
        return DatasetException.at(displayName, at, "malformed CSV: " + problem);
    }

    /**
     * Keeps only the first {@code count} cells of each record from the next one on: the others are
     * checked as before (an error in them is the same error) but not kept, and {@link #size()}
     * counts at most {@code count}.
     */
    void keepCells(int count) {
        keptCells = Math.max(1, count);
    }

    /** The number of cells of the current record. */
    int size() {
        return cells;
    }

    /** The buffer the cells are in (valid until the next record). */
    byte[] buffer() {
        return buf;
    }

    /** Where cell {@code i} starts in {@link #buffer()}. */
    int start(int i) {
        return recordStart + bounds[2 * i];
    }

    /** Where cell {@code i} ends in {@link #buffer()}. */
    int end(int i) {
        return recordStart + bounds[2 * i + 1];
    }

    String cell(int i) {
        int start = start(i);
        return new String(buf, start, end(i) - start, StandardCharsets.UTF_8);
    }

    /** The line where the current record ends (the same as where it starts unless a quoted cell spans lines). */
    long line() {
        return recordLastLine;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
