package io.datum.testkit;

import io.datum.files.FolderPaths;
import io.datum.model.Annotation;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.MediaOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A small format for the kit's own tests: {@code labels.txt} (a label per line) and
 * {@code items.txt} (per line an item id and its labels, separated by spaces); with
 * {@code --save-media}, images go to {@code images/<id><ext>}.
 */
final class LinesFormat {
    static final String NAME = "lines";
    static final String ITEMS = "items.txt";
    static final String LABELS = "labels.txt";

    private LinesFormat() {
    }

    @DatasetFormat(name = NAME)
    static class Detector implements FormatDetector {
        @Override
        public Detection detect(Path directory) {
            return Files.isRegularFile(directory.resolve(ITEMS)) ? Detection.match(Confidence.MEDIUM)
                    : Detection.notMet("dataset must contain " + ITEMS);
        }
    }

    @DatasetFormat(name = NAME)
    static class Importer implements DatasetImporter {
        @Override
        public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
            Categories categories = new Categories(LabelCategories.ofNames(
                    Files.readAllLines(path.resolve(LABELS)).toArray(String[]::new)));
            return new DatasetSource() {
                @Override
                public Categories categories() {
                    return categories;
                }

                @Override
                public ItemCursor items() {
                    try {
                        return new LineCursor(Files.newBufferedReader(path.resolve(ITEMS)), categories);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Reads {@code items.txt} a line at a time. */
    static final class LineCursor implements ItemCursor {
        private final BufferedReader reader;
        private final Categories categories;
        private long lineNumber;
        private String line;

        LineCursor(BufferedReader reader, Categories categories) {
            this.reader = reader;
            this.categories = categories;
        }

        @Override
        public boolean hasNext() {
            try {
                if (line == null) {
                    line = reader.readLine();
                    lineNumber++;
                }
                return line != null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public DatasetItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String[] fields = line.split(" ");
            line = null;
            List<Annotation> labels = new ArrayList<>();
            for (int i = 1; i < fields.length; i++) {
                int index = categories.labels().find(fields[i]).orElseThrow(() ->
                        DatasetException.at(ITEMS, lineNumber, "unknown label"));
                labels.add(new Label(index));
            }
            return new DatasetItem(fields[0], null, null, labels);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @DatasetFormat(name = NAME)
    static class Exporter implements DatasetExporter {
        @Override
        public OptionParser options() {
            return MediaOptions.parser(NAME);
        }

        @Override
        public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context)
                throws IOException {
            boolean saveMedia = MediaOptions.from(options).saveMedia();
            FolderPaths output = FolderPaths.forWriting(outputDir);
            List<String> names = new ArrayList<>();
            source.categories().labels().labels().forEach(c -> names.add(c.name()));
            Files.write(outputDir.resolve(LABELS), names);
            try (BufferedWriter out = Files.newBufferedWriter(outputDir.resolve(ITEMS)); ItemCursor items = source.items()) {
                while (items.hasNext()) {
                    DatasetItem item = items.next();
                    out.write(line(item, names));
                    if (saveMedia && item.image() != null && item.image().hasData()) {
                        Path target = mediaFile(output, outputDir, item);
                        Files.createDirectories(target.getParent());
                        Files.copy(item.image().path().orElseThrow(), target);
                    }
                }
            }
        }

        String line(DatasetItem item, List<String> names) {
            StringBuilder sb = new StringBuilder(item.id());
            for (Annotation a : item.annotations()) {
                if (a instanceof Label label) {
                    sb.append(' ').append(names.get(label.labelIndex()));
                }
            }
            return sb.append('\n').toString();
        }

        Path mediaFile(FolderPaths output, Path outputDir, DatasetItem item) {
            return output.resolve("images/" + item.id() + item.image().extension());
        }
    }
}
