package io.datum.openimages.internal.read;

import io.datum.model.ImageSize;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.csv.Shlex;
import io.datum.spi.DatasetException;
import io.datum.support.io.BufferLimitException;
import io.datum.support.io.ByteInput;
import io.datum.support.io.Utf8;
import io.datum.text.PythonNumbers;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code images.meta}: one {@code <image id> <height> <width>} per line, tokenized like a POSIX
 * shell ({@link Shlex}). Read line by line, so that only the sizes of known items are kept.
 *
 * <p>A million images make a million lines: lines of plain ASCII words (no quote, backslash or
 * {@code #}, which is what Open Images and Datum write) are split on their bytes and hand the id
 * over as bytes; any other line is decoded and split by {@link Shlex}, as before.
 */
public final class ImageMetaFile {
    /** Receives one entry. */
    interface Entries {
        void accept(String id, ImageSize size);

        /** The id as UTF-8 bytes {@code utf8[from, to)}; decoded for {@link #accept(String, ImageSize)} unless overridden. */
        default void accept(byte[] utf8, int from, int to, ImageSize size) {
            accept(new String(utf8, from, to - from, StandardCharsets.UTF_8), size);
        }
    }

    /**
     * Entries that look ids up by their bytes: the one to implement is
     * {@link #accept(byte[], int, int, ImageSize)}, and the id of a line read as text (quoted, or
     * not ASCII) is encoded to it.
     */
    interface Utf8Entries extends Entries {
        @Override
        default void accept(String id, ImageSize size) {
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            accept(bytes, 0, bytes.length, size);
        }

        @Override
        void accept(byte[] utf8, int from, int to, ImageSize size);
    }

    private ImageMetaFile() {
    }

    static void read(Path file, String displayName, Entries entries) throws IOException {
        try (LineReader in = new LineReader(Files.newInputStream(file))) {
            long number = 0;
            while (in.next(displayName, number + 1)) {
                number++;
                byte[] b = in.buffer();
                int from = in.start();
                int to = in.end();
                if (number == 1 && to - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB
                        && (b[from + 2] & 0xFF) == 0xBF) {
                    from += 3;
                }
                if (!plainLine(b, from, to, displayName, number, entries)) {
                    shellLine(decode(b, from, to, displayName, number), displayName, number, entries);
                }
            }
        }
    }

    /**
     * Reads a line of plain ASCII words separated by white space; false (having read nothing)
     * when the line has anything else, for {@link #shellLine} to read.
     */
    private static boolean plainLine(byte[] b, int from, int to, String file, long line, Entries entries) {
        int[] words = new int[6];
        int count = 0;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            for (; i < to; i++) {
                c = b[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    break;
                }
                if (c < 0 || c == '#' || c == '\'' || c == '"' || c == '\\') {
                    return false;
                }
            }
            if (count < 3) {
                words[2 * count] = start;
                words[2 * count + 1] = i;
            }
            count++;
        }
        if (count == 0) {
            return true;
        }
        if (count < 3) {
            throw DatasetException.at(file, line, "expected '<image id> <height> <width>', got " + count + " field(s)");
        }
        int height = dimension(b, words[2], words[3], "height", file, line);
        int width = dimension(b, words[4], words[5], "width", file, line);
        entries.accept(b, words[0], words[1], new ImageSize(width, height));
        return true;
    }

    private static void shellLine(String line, String file, long number, Entries entries) {
        List<String> fields;
        try {
            fields = Shlex.split(line);
        } catch (IllegalArgumentException e) {
            throw DatasetException.at(file, number, e.getMessage());
        }
        if (fields.isEmpty()) {
            return;
        }
        if (fields.size() < 3) {
            throw DatasetException.at(file, number, "expected '<image id> <height> <width>', got " + fields.size() + " field(s)");
        }
        int height = dimension(fields.get(1), "height", file, number);
        int width = dimension(fields.get(2), "width", file, number);
        entries.accept(fields.get(0), new ImageSize(width, height));
    }

    /** Strict UTF-8, as the whole file used to be decoded. */
    private static String decode(byte[] b, int from, int to, String file, long line) {
        if (!Utf8.isValid(b, from, to)) {
            throw DatasetException.at(file, line, "not valid UTF-8 text");
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Lines ended by LF, CR or CRLF, as byte ranges of one buffer, refused when longer than a CSV
     * record may be: {@code BufferedReader.readLine} has no length limit.
     */
    private static final class LineReader implements Closeable {
        /** Bytes a line of {@link CsvTable#MAX_RECORD_CHARS} chars can take at most in UTF-8. */
        private static final int MAX_LINE_BYTES = 3 * CsvTable.MAX_RECORD_CHARS;

        private final ByteInput input;
        /** The input's buffer and limit as of its last refill. */
        private byte[] buf;
        private int pos;
        private int limit;
        private int start;
        private int end;
        private boolean skipLf;
        /** The file and line being read, for the message about a line too long. */
        private String displayName;
        private long number;

        LineReader(InputStream in) {
            this.input = new ByteInput(in, 1 << 16, MAX_LINE_BYTES);
            this.buf = input.buffer();
        }

        /** Moves to the next line; false at the end of the input. */
        boolean next(String displayName, long number) throws IOException {
            this.displayName = displayName;
            this.number = number;
            while (true) {
                if (skipLf) {
                    if (pos == limit && !fill()) {
                        return false;
                    }
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                    }
                }
                int p = pos;
                while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
                    p++;
                }
                if (p < limit) {
                    start = pos;
                    end = p;
                    skipLf = buf[p] == '\r';
                    pos = p + 1;
                    return checked(displayName, number);
                }
                if (!fill()) {
                    if (pos == limit) {
                        return false;
                    }
                    start = pos;
                    end = limit;
                    pos = limit;
                    return checked(displayName, number);
                }
            }
        }

        private boolean checked(String displayName, long number) {
            if (end - start > CsvTable.MAX_RECORD_CHARS
                    && new String(buf, start, end - start, StandardCharsets.UTF_8).length() > CsvTable.MAX_RECORD_CHARS) {
                throw tooLong(displayName, number);
            }
            return true;
        }

        /** Reads more, keeping the unfinished line at the front; false at the end of the input. */
        private boolean fill() throws IOException {
            int shift;
            try {
                shift = input.fill(pos);
            } catch (BufferLimitException e) {
                throw tooLong(displayName, number);
            }
            pos -= shift;
            buf = input.buffer();
            boolean more = input.limit() > limit - shift;
            limit = input.limit();
            return more;
        }

        private static DatasetException tooLong(String displayName, long number) {
            return DatasetException.at(displayName, number, "line longer than " + CsvTable.MAX_RECORD_CHARS + " characters");
        }

        byte[] buffer() {
            return buf;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        @Override
        public void close() throws IOException {
            input.close();
        }
    }

    private static int dimension(byte[] b, int from, int to, String what, String file, long line) {
        long v;
        try {
            v = PythonNumbers.parseInt(b, from, to);
        } catch (NumberFormatException e) {
            throw DatasetException.at(file, line, "bad " + what + " '" + new String(b, from, to - from, StandardCharsets.UTF_8)
                    + "' (not an integer)");
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw DatasetException.at(file, line, "bad " + what + " '" + new String(b, from, to - from, StandardCharsets.UTF_8)
                    + "' (out of range)");
        }
        return (int) v;
    }

    private static int dimension(String text, String what, String file, long line) {
        long v;
        try {
            v = PythonNumbers.parseInt(text);
        } catch (NumberFormatException e) {
            throw DatasetException.at(file, line, "bad " + what + " '" + text + "' (not an integer)");
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw DatasetException.at(file, line, "bad " + what + " '" + text + "' (out of range)");
        }
        return (int) v;
    }

    /** One line as the reference writes it (LF-terminated). */
    public static String line(String id, ImageSize size) {
        return Shlex.quote(id) + " " + size.height() + " " + size.width() + "\n";
    }
}
