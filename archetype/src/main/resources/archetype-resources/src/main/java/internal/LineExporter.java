package ${package}.internal;

import io.datum.files.FolderPaths;
import io.datum.model.Annotation;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategory;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.MediaOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a dataset in one pass, an item at a time. What the format cannot hold is skipped and
 * counted, and said once per kind at the end (a warning per kind, never per item).
 */
@Component(service = DatasetExporter.class)
@DatasetFormat(name = LineFiles.FORMAT, extensions = ".txt", description = LineFiles.DESCRIPTION)
public class LineExporter implements DatasetExporter {
    static final String SKIPPED_ANNOTATIONS = "skipped annotations that are not labels (the format holds labels only)";
    static final String MERGED_SUBSETS = "wrote the items of all subsets into one list (the format has no subsets)";

    @Override
    public OptionParser options() {
        return MediaOptions.parser(LineFiles.FORMAT);
    }

    @Override
    public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context)
            throws IOException {
        MediaOptions media = MediaOptions.from(options);
        FolderPaths output = FolderPaths.forWriting(outputDir);
        List<String> names = new ArrayList<>();
        for (LabelCategory label : source.categories().labels().labels()) {
            if (!LineFiles.isField(label.name())) {
                throw new DatasetException("label '" + label.name() + "' has a space or line break: "
                        + LineFiles.LABELS + " cannot hold it");
            }
            names.add(label.name());
        }
        Files.write(output.resolve(LineFiles.LABELS), names, StandardCharsets.UTF_8);
        Map<String, Long> skippedByType = new TreeMap<>();
        Map<String, Long> subsets = new TreeMap<>();
        long total = source.itemCount().orElse(-1);
        long done = 0;
        try (BufferedWriter out = Files.newBufferedWriter(output.resolve(LineFiles.ITEMS), StandardCharsets.UTF_8);
             ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                if (!LineFiles.isField(item.id())) {
                    throw new DatasetException("item '" + item.id() + "' has a space or line break in its id: "
                            + LineFiles.ITEMS + " cannot hold it");
                }
                StringBuilder line = new StringBuilder(item.id());
                for (Annotation a : item.annotations()) {
                    if (a instanceof Label label) {
                        line.append(' ').append(names.get(label.labelIndex()));
                    } else {
                        skippedByType.merge(a.type().typeName(), 1L, Long::sum);
                    }
                }
                out.append(line).append('\n');
                subsets.merge(item.subset(), 1L, Long::sum);
                if (media.saveMedia() && item.image() != null && item.image().hasData()) {
                    copyImage(item, output);
                }
                context.progress(++done, total);
            }
        }
        skippedByType.forEach((type, count) -> context.warn(SKIPPED_ANNOTATIONS, type, count));
        if (subsets.size() > 1) {
            subsets.forEach((subset, count) -> context.warn(MERGED_SUBSETS, subset, count));
        }
    }

    /** The image as images/id.ext, never outside the output folder nor through a link. */
    private static void copyImage(DatasetItem item, FolderPaths output) throws IOException {
        String extension = item.image().extension().isEmpty() ? ".jpg" : item.image().extension();
        Path target = output.resolve(LineFiles.imagePath(item.id(), extension));
        Files.createDirectories(target.getParent());
        Files.copy(item.image().path().orElseThrow(), target);
    }
}
