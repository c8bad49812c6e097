package io.datum.cvat.internal.write;

import io.datum.cvat.internal.AttributeValues;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.read.CvatImporter;
import io.datum.files.FolderPaths;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.support.stream.WriteBehind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a dataset as Datumaro writes CVAT: one task-style {@code <subset>.xml} per subset and a
 * shared {@code images/} folder. Two passes over the source, unless it knows
 * its subsets' sizes: the first counts each subset's items for {@code <size>}, the second writes, with one open writer per subset so
 * that items of different subsets may come interleaved. Nothing of the dataset is held.
 */
@Component(service = DatasetExporter.class)
@DatasetFormat(name = CvatNames.FORMAT, extensions = CvatNames.XML_EXTENSION,
        description = "CVAT for images 1.1 / for video (XML)")
public class CvatExporter implements DatasetExporter {
    private final int maxInMemory;

    public CvatExporter() {
        this(CvatImporter.MAX_RECORDS_IN_MEMORY);
    }

    CvatExporter(int maxInMemory) {
        this.maxInMemory = maxInMemory;
    }

    @Override
    public OptionParser options() {
        return ExportSettings.parser();
    }

    @Override
    public void export(DatasetSource input, Path outputDir, ParsedOptions options, JobContext context) throws IOException {
        ExportSettings settings = ExportSettings.of(options);
        DatasetSource source = settings.displayNames() ? DisplayNameLabels.of(input) : input;
        Path images = FolderPaths.forWriting(outputDir).resolve(CvatNames.IMAGES_DIR);
        Files.createDirectories(images);
        if (settings.saveDatasetMeta()) {
            context.debug("cvat: --save-dataset-meta writes no file; each CVAT XML file declares its labels");
        }
        if (settings.useTrack()) {
            new TrackExport(source, outputDir, settings, context, maxInMemory).run();
            return;
        }
        Map<String, Long> counts = source.subsetSizes().orElseGet(() -> count(source));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        LabelCategories labels = source.categories().labels();
        MediaWriter media = settings.saveMedia() ? new MediaWriter(images, context) : null;
        Map<String, SubsetXmlWriter> writers = new LinkedHashMap<>();
        Map<String, long[]> positions = new LinkedHashMap<>();
        // the files' bytes reach the disk on another thread, while the next items are written; after
        // a failure, closing it closes the files
        try (WriteBehind behind = new WriteBehind(context.workers(), "datum-cvat-writing");
             ItemCursor items = source.items()) {
            long done = 0;
            while (items.hasNext()) {
                DatasetItem item = items.next();
                SubsetXmlWriter writer = writers.get(item.subset());
                if (writer == null) {
                    checkSubsetName(item.subset());
                    long subsetSize = counts.getOrDefault(item.subset(), 0L);
                    writer = SubsetXmlWriter.open(outputDir, behind, item.subset(), subsetSize, labels, null, settings, context);
                    writers.put(item.subset(), writer);
                }
                long position = positions.computeIfAbsent(item.subset(), s -> new long[1])[0]++;
                String name = item.id() + extension(item, settings);
                if (media != null) {
                    media.save(item, name);
                }
                Image image = item.image();
                ImageSize size = image == null ? null : image.size().orElse(null);
                writer.writeImage(item, imageId(item, position, settings.reindex()), name, size);
                context.progress(++done, total);
            }
            for (SubsetXmlWriter w : writers.values()) {
                w.finish();
                w.close();
            }
        }
    }

    /** Items per subset, in order of first appearance. */
    private static Map<String, Long> count(DatasetSource source) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                String subset = items.next().subset();
                if (counts.merge(subset, 1L, Long::sum) == 1L) {
                    checkSubsetName(subset);
                }
            }
        }
        return counts;
    }

    /** A subset names a file of the output folder, so it must be a plain file name (docs/differences.md, S1). */
    static void checkSubsetName(String subset) {
        if (!FolderPaths.isSingleName(subset)) {
            throw new DatasetException("subset name '" + subset + "' cannot be used as a file name ("
                    + subset + CvatNames.XML_EXTENSION + ")");
        }
    }

    /** {@code --image-ext} verbatim; else the media's own extension; else {@code .jpg}. */
    private static String extension(DatasetItem item, ExportSettings settings) {
        if (settings.imageExtension() != null) {
            return settings.imageExtension();
        }
        if (item.image() != null && !item.image().extension().isEmpty()) {
            return item.image().extension();
        }
        return CvatNames.DEFAULT_IMAGE_EXTENSION;
    }

    /** The position with {@code --reindex}; else Python {@code int(frame)}, or the position when that fails. */
    static String imageId(DatasetItem item, long position, boolean reindex) {
        if (!reindex && item.attributes().has(CvatNames.FRAME)) {
            try {
                return AttributeValues.intText(item.attributes().get(CvatNames.FRAME));
            } catch (NumberFormatException e) {
                // Datumaro's cast() falls back to the position too
            }
        }
        return Long.toString(position);
    }
}
