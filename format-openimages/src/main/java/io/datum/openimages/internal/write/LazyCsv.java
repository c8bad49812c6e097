package io.datum.openimages.internal.write;

import io.datum.openimages.internal.csv.CsvWriter;
import io.datum.openimages.internal.read.ColumnsAsRead;
import io.datum.support.stream.WriteBehind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * A CSV file written to {@code <name>.tmp}, created with its header on the first row. With
 * {@code asRead} (--keep-columns), rows come through {@link #rowAsRead} and the first one
 * decides the header.
 */
final class LazyCsv {
    private final Path annotationsDir;
    private final WriteBehind behind;
    private final Set<String> written;
    private final String name;
    private List<String> header;
    private final ColumnsAsRead asRead;
    private Path temp;
    private CsvWriter writer;

    LazyCsv(Path annotationsDir, WriteBehind behind, Set<String> written, String name, List<String> header,
            ColumnsAsRead asRead) {
        this.annotationsDir = annotationsDir;
        this.behind = behind;
        this.written = written;
        this.name = name;
        this.header = header;
        this.asRead = asRead;
    }

    /** A row of {@code computed} cells and the columns as read that {@code attributes} carry. */
    void rowAsRead(String[] computed, io.datum.model.Attributes attributes) throws IOException {
        if (writer == null) {
            header = asRead.header(attributes);
        }
        writer().row(asRead.cells(header, computed, attributes));
    }

    void open() throws IOException {
        if (writer == null) {
            temp = annotationsDir.resolve(name + ".tmp");
            writer = new CsvWriter(behind.open(temp));
            writer.row(header);
        }
    }

    void row(List<String> cells) throws IOException {
        writer().row(cells);
    }

    /** The file's writer, for a row written cell by cell. */
    CsvWriter writer() throws IOException {
        open();
        return writer;
    }

    void commit() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            Files.move(temp, annotationsDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            written.add(name);
        }
    }

    void abort() throws IOException {
        if (writer != null) {
            try {
                writer.close();
            } finally {
                writer = null;
                Files.deleteIfExists(temp);
            }
        }
    }
}
