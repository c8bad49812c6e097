package ${package}.internal;

import io.datum.files.FolderPaths;
import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Opens a dataset: the labels at once (they are few), the items a line at a time on each pass,
 * so that a dataset of any size is read in a small heap.
 */
@Component(service = DatasetImporter.class)
@DatasetFormat(name = LineFiles.FORMAT, extensions = ".txt", description = LineFiles.DESCRIPTION)
public class LineImporter implements DatasetImporter {
    @Override
    public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
        FolderPaths folder = FolderPaths.forReading(path);
        Path items = required(folder, LineFiles.ITEMS);
        Categories categories = new Categories(readLabels(required(folder, LineFiles.LABELS)));
        return new DatasetSource() {
            @Override
            public Categories categories() {
                return categories;
            }

            @Override
            public ItemCursor items() {
                return new LineCursor(items, folder, categories.labels());
            }

            @Override
            public void close() {
            }
        };
    }

    private static Path required(FolderPaths folder, String name) {
        Path file = folder.regularFile(folder.resolve(name));
        if (file == null) {
            throw DatasetException.at(name, -1, "missing: a " + LineFiles.FORMAT + " dataset has "
                    + LineFiles.LABELS + " and " + LineFiles.ITEMS);
        }
        return file;
    }

    private static LabelCategories readLabels(Path file) {
        List<LabelCategory> labels = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LineFiles.unreadable(LineFiles.LABELS, -1, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i);
            if (!LineFiles.isField(name)) {
                throw DatasetException.at(LineFiles.LABELS, i + 1, "a label name must be one word, got '" + name + "'");
            }
            if (labels.stream().anyMatch(l -> l.name().equals(name))) {
                throw DatasetException.at(LineFiles.LABELS, i + 1, "label '" + name + "' is declared twice");
            }
            labels.add(new LabelCategory(name));
        }
        return new LabelCategories(labels, List.of());
    }
}
