package ${package}.internal;

import io.datum.collections.LongHashSet;
import io.datum.files.FolderPaths;
import io.datum.model.Annotation;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetException;
import io.datum.spi.ItemCursor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

/** One pass over the items file: an item per non-blank line; errors name the line. */
final class LineCursor implements ItemCursor {
    private final BufferedReader reader;
    private final FolderPaths folder;
    private final LabelCategories labels;
    /** Ids seen so far, as 64-bit hashes: a repeated id is an error, in bounded memory. */
    private final LongHashSet seen = new LongHashSet();
    private long lineNumber;
    private String line;

    LineCursor(Path items, FolderPaths folder, LabelCategories labels) {
        try {
            this.reader = Files.newBufferedReader(items, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LineFiles.unreadable(LineFiles.ITEMS, -1, e);
        }
        this.folder = folder;
        this.labels = labels;
    }

    @Override
    public boolean hasNext() {
        try {
            while (line == null) {
                String read = reader.readLine();
                if (read == null) {
                    return false;
                }
                lineNumber++;
                if (!read.isBlank()) {
                    line = read;
                }
            }
            return true;
        } catch (IOException e) {
            throw LineFiles.unreadable(LineFiles.ITEMS, lineNumber + 1, e);
        }
    }

    @Override
    public DatasetItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String[] fields = line.strip().split(" +");
        line = null;
        String id = fields[0];
        if (!seen.add(LongHashSet.hash(id))) {
            throw DatasetException.at(LineFiles.ITEMS, lineNumber, "item '" + id + "' appears twice");
        }
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) {
            OptionalInt index = labels.find(fields[i]);
            if (index.isEmpty()) {
                throw DatasetException.at(LineFiles.ITEMS, lineNumber, "unknown label '" + fields[i]
                        + "' (not in " + LineFiles.LABELS + ")");
            }
            annotations.add(new Label(index.getAsInt()));
        }
        return new DatasetItem(id, null, image(id), annotations);
    }

    /** The item's image file when there is one inside the dataset; an id that leads out has none. */
    private Image image(String id) {
        for (String extension : LineFiles.IMAGE_EXTENSIONS) {
            String path = LineFiles.IMAGES + id + extension;
            if (FolderPaths.nameProblem(path) == null) {
                Path file = folder.regularFile(folder.resolve(path));
                if (file != null) {
                    return Image.ofFile(file, null);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw LineFiles.unreadable(LineFiles.ITEMS, -1, e);
        }
    }
}
