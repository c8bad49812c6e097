package io.datum.cli.internal;

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
import io.datum.spi.Datasets;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny test format: {@code items.txt} with one {@code id subset label} line per item and the
 * labels in {@code labels.txt}. Its exporter fails on an item named {@code boom} after writing a
 * file, to prove that failed exports leave nothing behind.
 */
final class FakeFormat {
    private FakeFormat() {
    }

    /** The fake formats on the class path; they take no configuration. */
    public static final class Factory implements io.datum.spi.factory.PluginFactory {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public java.util.List<FormatDetector> detectors(java.util.Map<String, ?> configuration) {
            return java.util.List.of(new Detector());
        }

        @Override
        public java.util.List<DatasetImporter> importers(java.util.Map<String, ?> configuration) {
            return java.util.List.of(new Importer());
        }

        @Override
        public java.util.List<DatasetExporter> exporters(java.util.Map<String, ?> configuration) {
            return java.util.List.of(new Exporter(), new OtherExporter());
        }
    }

    @DatasetFormat(name = "fake")
    public static final class Detector implements FormatDetector {
        @Override
        public Detection detect(Path directory) {
            return Files.exists(directory.resolve("items.txt")) ? Detection.match(Confidence.MEDIUM)
                    : Detection.notMet("dataset must contain a file matching pattern \"items.txt\"");
        }
    }

    @DatasetFormat(name = "fake")
    public static final class Importer implements DatasetImporter {
        @Override
        public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
            List<String> labels = Files.readAllLines(path.resolve("labels.txt"));
            LabelCategories categories = LabelCategories.ofNames(labels.toArray(new String[0]));
            List<DatasetItem> items = new ArrayList<>();
            List<String> lines = Files.readAllLines(path.resolve("items.txt"));
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(" ");
                if (f.length > 3) {
                    // a fourth word is read as a number: a bug of this format bundle, not bad data
                    Integer.parseInt(f[3]);
                }
                int label = categories.find(f[2]).orElseThrow(() -> DatasetException.at("items.txt", 0, "unknown label"));
                items.add(new DatasetItem(f[0], f[1], null, List.of(new Label(label))));
            }
            context.warn("fake warning");
            context.warn("fake warning");
            return Datasets.of(new Categories(categories), items);
        }
    }

    @DatasetFormat(name = "fake")
    public static final class Exporter implements DatasetExporter {
        @Override
        public OptionParser options() {
            return OptionParser.named("fake").flag("--save-media", "Save media (default: False)");
        }

        @Override
        public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context)
                throws IOException {
            List<String> labels = new ArrayList<>();
            source.categories().labels().labels().forEach(l -> labels.add(l.name()));
            Files.write(outputDir.resolve("labels.txt"), labels);
            List<String> lines = new ArrayList<>();
            try (ItemCursor items = source.items()) {
                while (items.hasNext()) {
                    DatasetItem item = items.next();
                    if (item.id().equals("boom")) {
                        throw DatasetException.at("items.txt", 3, "cannot export item 'boom'");
                    }
                    lines.add(item.id() + " " + item.subset() + " "
                            + labels.get(item.annotations().get(0).label()));
                }
            }
            Files.write(outputDir.resolve("items.txt"), lines);
            if (options.flag("save-media")) {
                Files.writeString(outputDir.resolve("media.flag"), "yes");
            }
        }
    }

    /** The same format under another name, so that conversions between the two can be tested. */
    @DatasetFormat(name = "other")
    public static final class OtherExporter implements DatasetExporter {
        private final Exporter delegate = new Exporter();

        @Override
        public OptionParser options() {
            return OptionParser.named("other").flag("--save-media", "Save media (default: False)");
        }

        @Override
        public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context)
                throws IOException {
            delegate.export(source, outputDir, options, context);
        }
    }
}
