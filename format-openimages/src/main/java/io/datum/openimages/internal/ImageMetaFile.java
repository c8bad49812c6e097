package io.datum.openimages.internal;

import io.datum.model.ImageSize;
import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;
import java.io.BufferedReader;
import java.io.IOException;
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
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = readLine(in, displayName, number + 1)) != null) {
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

    /** A line ended by LF, CR or CRLF, refused when longer than a CSV record may be. */
    private static String readLine(BufferedReader in, String displayName, long number) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() >= CsvTable.MAX_RECORD_CHARS) {
                throw DatasetException.at(displayName, number, "line longer than " + CsvTable.MAX_RECORD_CHARS + " characters");
            }
            line.append((char) c);
            c = in.read();
        }
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
        return line.toString();
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
    static String line(String id, ImageSize size) {
        return Shlex.quote(id) + " " + size.height() + " " + size.width() + "\n";
    }
}
