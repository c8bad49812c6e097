package io.datum.openimages.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads only the ImageID column of a label, box or mask file: what opening needs (which items
 * the file brings, in order, and whether its rows come in item order) at a fraction of the cost
 * of parsing every cell. Records are split in {@link CsvTable}'s dialect ({@code "} quoting,
 * any line ending, blank lines skipped, a leading BOM ignored) without building cells.
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
    }

    private static final int NO_CHAR = -1;

    private final Reader in;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    /** Start of the current record in {@code buf}: refills keep the record from here on. */
    private int recordStart;
    private boolean eof;
    /** A record outgrew {@link CsvTable#MAX_RECORD_CHARS}: the scan stops there and gives up. */
    private boolean recordTooLong;

    private ImageIdScanner(Reader in) {
        this.in = in;
    }

    /** Scans {@code file}; false when the scan gave up (its sink may have seen some ids). */
    static boolean scan(Path file, IdSink sink) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            ImageIdScanner scanner = new ImageIdScanner(reader);
            return scanner.run(sink) && !scanner.recordTooLong;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private boolean run(IdSink sink) throws IOException {
        if (peek() == '\uFEFF') {
            pos++;
        }
        int idColumn = -1;
        boolean header = true;
        char[] previous = new char[0];
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
                        if (new String(buf, start, pos - start).equals(OpenImagesPaths.IMAGE_ID)) {
                            idColumn = column; // DictReader: a later duplicate name wins
                        }
                    } else if (column == idColumn) {
                        idStart = start - recordStart;
                        idEnd = pos - recordStart;
                    }
                }
                int next = peek();
                if (next == ',') {
                    pos++;
                    column++;
                    continue;
                }
                break; // end of line or of input
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
                    if (recordTooLong || !sink.accept(new String(buf, from, length))) {
                        return false;
                    }
                    if (previous.length < length) {
                        previous = new char[length * 2];
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

    private void skipSimpleField() throws IOException {
        while (true) {
            int p = pos;
            int end = limit;
            char[] b = buf;
            while (p < end) {
                char c = b[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    pos = p;
                    return;
                }
                p++;
            }
            pos = p;
            if (!fill()) {
                return;
            }
        }
    }

    /** Skips a quoted field; false when it is malformed (unclosed, or text after the closing quote). */
    private boolean skipQuotedField() throws IOException {
        pos++;
        while (true) {
            int c = read();
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

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return NO_CHAR;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != NO_CHAR) {
            pos++;
        }
        return c;
    }

    /**
     * Reads more input after the current record's chars; false at the end. The record moves to
     * the front of the buffer, which grows while a record is longer than it.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (recordStart > 0) {
            System.arraycopy(buf, recordStart, buf, 0, limit - recordStart);
            pos -= recordStart;
            limit -= recordStart;
            recordStart = 0;
        }
        if (limit == buf.length) {
            if (buf.length > CsvTable.MAX_RECORD_CHARS) {
                recordTooLong = true;
                eof = true;
                return false;
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
