package io.datum.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.options.HelpRequested;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.FormatDetector;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.MediaOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The checks every format passes, as JUnit 5 tests. A format's test class extends this, gives the
 * format's {@link #importer()}, {@link #exporter()} and {@link #detector()} (new instances, as
 * the bundle's {@link io.datum.spi.factory.PluginFactory} would build them), a few {@link #samples()} and {@link #badInputs()},
 * and inherits:
 *
 * <ul>
 *   <li>{@link #samplesAreDetected}, {@link #emptyAndUnrelatedFoldersAreNotDetected}: detection;</li>
 *   <li>{@link #samplesSurviveARoundTrip}: read → write → read gives the same dataset
 *       ({@link #comparison()}), what was written is detected as the format, and the sample is
 *       left as it was;</li>
 *   <li>{@link #manyItemsStreamInASmallHeap}: {@link #streamingItemCount()} items from
 *       {@link #generatedItem} are written and read back in a child JVM with
 *       {@link #streamingHeap()} of heap, a heap they would not fit into;</li>
 *   <li>{@link #badInputIsADatasetExceptionNamingFileAndLine}: and the input is left as it was;</li>
 *   <li>{@link #nothingIsWrittenOutsideTheOutputFolder}: item ids and subsets with {@code ..}, a link
 *       beside the output;</li>
 *   <li>{@link #optionsGiveHelpAndRejectUnknownOptions}: {@code -h} and an unknown option.</li>
 * </ul>
 *
 * The test class needs a constructor without arguments (as JUnit requires): the streaming check
 * makes an instance of it in the child JVM, so the format and generated items must not depend on
 * state set up by JUnit.
 */
@ConsumerType
public abstract class FormatContract {
    /** A fresh importer of the format under test. */
    protected abstract DatasetImporter importer();

    /** A fresh exporter of the format under test. */
    protected abstract DatasetExporter exporter();

    /** A fresh detector of the format under test. */
    protected abstract FormatDetector detector();

    /** Folders with good datasets of this format, small enough to compare in memory. */
    protected abstract List<Path> samples() throws IOException;

    /** Datasets with one mistake each, and the file and line their error must name. */
    protected abstract List<BadInput> badInputs() throws IOException;

    /** The exporter's options for every export of these checks (as typed after {@code --}); none by default. */
    protected List<String> exportArguments() {
        return List.of();
    }

    /** How the round trip compares the datasets; override to normalise what the format does not keep. */
    protected DatasetComparison comparison() {
        return DatasetComparison.byMeaning();
    }

    /** How many items the streaming check writes and reads back. */
    protected long streamingItemCount() {
        return 300_000;
    }

    /** The child JVM's heap for the streaming check, as {@code -Xmx} takes it. */
    protected String streamingHeap() {
        return "64m";
    }

    /** The categories of the generated items: two labels. */
    protected Categories generatedCategories() {
        return new Categories(LabelCategories.ofNames("cat", "dog"));
    }

    /**
     * The item at {@code index} of the generated dataset, made anew on every call: a 640×480 image
     * without file, one label and one box, in subset {@code train} or {@code val}. Override for a
     * format that cannot hold these; ids must stay distinct within a subset.
     */
    protected DatasetItem generatedItem(long index) {
        int label = (int) (index % 2);
        double x = index % 600;
        return new DatasetItem(String.format("item-%08d", index), index % 3 == 0 ? "val" : "train",
                Image.withoutFile(".jpg", new ImageSize(640, 480)),
                List.of(new Label(label), Bbox.ofXywh(label, x, 10, 40, 80, Attributes.empty())));
    }

    // ------------------------------------------------------------------ the checks

    @Test
    protected void samplesAreDetected() throws IOException {
        List<Path> samples = samples();
        assertFalse(samples.isEmpty(), "samples() gives at least one folder");
        for (Path sample : samples) {
            assertTrue(detector().detect(sample).matched(), () -> sample + " is detected as " + formatName());
        }
    }

    @Test
    protected void emptyAndUnrelatedFoldersAreNotDetected(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertFalse(detector().detect(empty).matched(), "an empty folder is not " + formatName());
        Path unrelated = Files.createDirectories(tmp.resolve("unrelated/notes"));
        Files.writeString(unrelated.resolveSibling("README.txt"), "Holiday pictures, 2024.\n");
        Files.writeString(unrelated.resolve("list.json"), "{\"pictures\": []}\n");
        assertFalse(detector().detect(unrelated.getParent()).matched(), "a folder of notes is not " + formatName());
    }

    @Test
    protected void samplesSurviveARoundTrip(@TempDir Path tmp) throws IOException {
        int n = 0;
        for (Path sample : samples()) {
            Map<String, String> before = FolderSnapshot.of(sample, null);
            Path output = Files.createDirectories(tmp.resolve("round-trip-" + (++n)));
            JobContext context = JobContext.collecting();
            try (DatasetSource read = importer().open(sample, ParsedOptions.none(), context)) {
                exporter().export(read, output, exportOptions(), context);
                try (DatasetSource back = importer().open(output, ParsedOptions.none(), context)) {
                    comparison().assertSame(read, back);
                }
            } catch (AssertionError e) {
                throw new AssertionError(sample + " written to " + output + " and read back: " + e.getMessage(), e);
            }
            assertTrue(detector().detect(output).matched(), () -> "what the exporter wrote (" + output
                    + ") is detected as " + formatName());
            assertEquals(before, FolderSnapshot.of(sample, null), () -> sample + " is left as it was");
        }
    }

    @Test
    protected void manyItemsStreamInASmallHeap(@TempDir Path tmp) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + streamingHeap(), "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), StreamingRun.class.getName(), getClass().getName(),
                tmp.resolve("streamed").toString(), Long.toString(streamingItemCount()));
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the streaming check did not finish in 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), () -> "streaming " + streamingItemCount() + " items with -Xmx"
                + streamingHeap() + ":\n" + output);
        String result = output.lines().filter(l -> l.startsWith(StreamingRun.RESULT)).findFirst()
                .orElseThrow(() -> new AssertionError("no result from the streaming check:\n" + output));
        System.out.println(getClass().getSimpleName() + ": " + result);
    }

    @Test
    protected void badInputIsADatasetExceptionNamingFileAndLine() throws IOException {
        List<BadInput> badInputs = badInputs();
        assertFalse(badInputs.isEmpty(), "badInputs() gives at least one dataset");
        for (BadInput bad : badInputs) {
            Map<String, String> before = FolderSnapshot.of(bad.folder(), null);
            DatasetException e = assertThrows(DatasetException.class, () -> readAll(bad.folder()),
                    () -> bad.folder() + " is refused with a DatasetException");
            String where = bad.folder() + ": " + e.getMessage();
            assertNotNull(e.file(), () -> "the error names a file: " + where);
            assertTrue(e.file().equals(bad.file()) || e.file().endsWith("/" + bad.file()),
                    () -> "the error names " + bad.file() + ": " + where);
            if (bad.line() > 0) {
                assertEquals(bad.line(), e.line(), () -> "the error names line " + bad.line() + ": " + where);
            }
            assertFalse(e.problem() == null || e.problem().isBlank(), () -> "the error says what is wrong: " + where);
            assertFalse(e.getMessage().contains("\n"), () -> "the error is one line: " + where);
            assertEquals(before, FolderSnapshot.of(bad.folder(), null), () -> bad.folder() + " is left as it was");
        }
    }

    /**
     * Items whose ids and subsets climb out with {@code ..}, some through a link beside the output
     * that leads to another folder, are exported with their images: the exporter writes them
     * inside the output or refuses with a {@link DatasetException}, and nothing outside changes.
     */
    @Test
    protected void nothingIsWrittenOutsideTheOutputFolder(@TempDir Path tmp) throws IOException {
        Path media = Files.createDirectories(tmp.resolve("media"));
        Path picture = media.resolve("picture.png");
        ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        Path outside = Files.createDirectories(parent.resolve("outside"));
        Files.writeString(outside.resolve("kept.txt"), "kept\n");
        try {
            Files.createSymbolicLink(parent.resolve("link"), outside.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            // a file system without links still gets the ".." cases
        }
        Path output = Files.createDirectories(parent.resolve("output"));
        List<DatasetItem> items = new ArrayList<>();
        String[][] idsAndSubsets = {
            {"../escaped-1", "train"}, {"../link/escaped-2", "train"}, {"a/../../escaped-3", "train"},
            {"../../escaped-4", "train"}, {"inside", "../escaped-subset"}, {"inside-2", "../link"},
        };
        for (int i = 0; i < idsAndSubsets.length; i++) {
            DatasetItem generated = generatedItem(i);
            items.add(new DatasetItem(idsAndSubsets[i][0], idsAndSubsets[i][1],
                    Image.ofFile(picture, new ImageSize(8, 6)), generated.annotations(), generated.attributes()));
        }
        Map<String, String> before = FolderSnapshot.of(tmp, output);
        List<String> arguments = new ArrayList<>(exportArguments());
        if (exporter().options().help().contains("--" + MediaOptions.SAVE_MEDIA)) {
            arguments.add("--" + MediaOptions.SAVE_MEDIA);
        }
        try (DatasetSource source = Datasets.of(generatedCategories(), items)) {
            exporter().export(source, output, exporter().options().parse(arguments), JobContext.collecting());
        } catch (DatasetException refused) {
            // refusing such names is as good as keeping them inside
        }
        assertEquals(before, FolderSnapshot.of(tmp, output), "nothing outside " + output + " changed");
    }

    @Test
    protected void optionsGiveHelpAndRejectUnknownOptions() {
        for (OptionParser parser : List.of(importer().options(), exporter().options())) {
            HelpRequested help = assertThrows(HelpRequested.class, () -> parser.parse(List.of("-h")),
                    parser.prog() + ": -h asks for help");
            assertTrue(help.help().startsWith("usage: " + parser.prog()), () -> "help starts with the usage:\n"
                    + help.help());
            assertThrows(UsageException.class, () -> parser.parse(List.of("--no-such-option-here")),
                    parser.prog() + ": an unknown option is a usage error");
        }
        String name = formatName();
        if (name != null) {
            assertEquals(name, exporter().options().prog(), "the exporter's parser is named after the format");
            assertEquals(name, importer().options().prog(), "the importer's parser is named after the format");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** {@link #exportArguments()} parsed by the exporter's own parser. */
    protected ParsedOptions exportOptions() {
        return exporter().options().parse(exportArguments());
    }

    /** The name in the exporter's {@link DatasetFormat} annotation, or null. */
    protected String formatName() {
        DatasetFormat format = exporter().getClass().getAnnotation(DatasetFormat.class);
        return format == null ? null : format.name();
    }

    private void readAll(Path folder) throws IOException {
        try (DatasetSource source = importer().open(folder, ParsedOptions.none(), JobContext.collecting());
             ItemCursor items = source.items()) {
            while (items.hasNext()) {
                // mask pixels are decoded on demand: ask for them, as a writer would
                items.next().annotations().stream().filter(a -> a instanceof Mask)
                        .forEach(a -> ((Mask) a).data().forEachRow((row, y) -> { }));
            }
        }
    }
}
