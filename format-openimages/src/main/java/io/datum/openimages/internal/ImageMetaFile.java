package io.datum.openimages.internal;

import io.datum.model.ImageSize;
import io.datum.spi.DatasetException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code images.meta}: one {@code <image id> <height> <width>} per line, tokenized like a POSIX
 * shell (§4.13). Read line by line, so that only the sizes of known items are kept.
 */
final class ImageMetaFile {
    /** Receives one entry. */
    interface Entries {
        void accept(String id, ImageSize size);
    }

    private ImageMetaFile() {
    }

    static void read(Path file, String displayName, Entries entries) throws IOException {
        try (LineReader in = new LineReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String line;
            long number = 0;
            while ((line = in.readLine(displayName, number + 1)) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                List<String> fields;
                try {
                    fields = Shlex.split(line);
                } catch (IllegalArgumentException e) {
                    throw DatasetException.at(displayName, number, e.getMessage());
                }
                if (fields.isEmpty()) {
                    continue;
                }
                if (fields.size() < 3) {
                    throw DatasetException.at(displayName, number,
                            "expected '<image id> <height> <width>', got " + fields.size() + " field(s)");
                }
                int height = dimension(fields.get(1), "height", displayName, number);
                int width = dimension(fields.get(2), "width", displayName, number);
                entries.accept(fields.get(0), new ImageSize(width, height));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DatasetException.at(displayName, -1, "not valid UTF-8 text");
        }
    }

    /**
     * Reads lines ended by LF, CR or CRLF, refused when longer than a CSV record may be, from a
     * buffer of its own: {@code BufferedReader.readLine} has no length limit, and reading char by
     * char through a {@code BufferedReader} cost more than the rest of the parse.
     */
    private static final class LineReader implements Closeable {
        private final Reader in;
        private final char[] buf = new char[1 << 14];
        private int pos;
        private int limit;
        private boolean skipLf;

        LineReader(Reader in) {
            this.in = in;
        }

        String readLine(String displayName, long number) throws IOException {
            StringBuilder line = null;
            while (true) {
                if (pos == limit) {
                    limit = Math.max(in.read(buf), 0);
                    pos = 0;
                    if (limit == 0) {
                        return line == null ? null : line.toString();
                    }
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                int start = pos;
                int end = start;
                while (end < limit && buf[end] != '\n' && buf[end] != '\r') {
                    end++;
                }
                int length = (line == null ? 0 : line.length()) + end - start;
                if (length > CsvTable.MAX_RECORD_CHARS) {
                    throw DatasetException.at(displayName, number, "line longer than " + CsvTable.MAX_RECORD_CHARS + " characters");
                }
                if (end < limit) {
                    pos = end + 1;
                    skipLf = buf[end] == '\r';
                    return line == null ? new String(buf, start, end - start) : line.append(buf, start, end - start).toString();
                }
                line = (line == null ? new StringBuilder() : line).append(buf, start, end - start);
                pos = end;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static int dimension(String text, String what, String file, long line) {
        long v;
        try {
            v = AnnotationRowReader.parseInt(text);
        } catch (NumberFormatException e) {
            throw DatasetException.at(file, line, "bad " + what + " '" + text + "' (not an integer)");
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw DatasetException.at(file, line, "bad " + what + " '" + text + "' (out of range)");
        }
        return (int) v;
    }

    /** One line as the reference writes it (LF-terminated). */
    static String line(String id, ImageSize size) {
        return Shlex.quote(id) + " " + size.height() + " " + size.width() + "\n";
    }
}
