package io.datum.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.Dataset;
import io.datum.api.DatasetListener;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.core.internal.FormatTable;
import io.datum.core.internal.GeneratedItems;
import io.datum.core.internal.transforms.FilterTransform;
import io.datum.core.internal.transforms.RemapLabels;
import io.datum.core.internal.transforms.SelectClasses;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    private static final FormatTable.Provider PROVIDER = new FormatTable.Provider("test", "1", "", 1);

    @TempDir
    Path dir;

    /** Items made as they are pulled: item i is in subset "even"/"odd", labelled i % 3. */
    private static final class GeneratedSource extends GeneratedItems {
        volatile Thread madeOn;
        final List<String> hints = new ArrayList<>();
        boolean closed;

        GeneratedSource(long size) {
            super(new Categories(LabelCategories.ofNames("cat", "dog", "car")), size);
        }

        @Override
        protected DatasetItem item(long i) {
            madeOn = Thread.currentThread();
            return new DatasetItem(Long.toString(i), i % 2 == 0 ? "even" : "odd", null, List.of(new Label((int) (i % 3))));
        }

        @Override
        public void prepareFor(String exportFormat, ParsedOptions exportOptions) {
            hints.add(exportFormat + " " + exportOptions.values());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * Writes "id label-name" lines; checks on every item how far the source ran ahead of it
     * (the read-ahead's bound), warns once per item of the "odd" subset, and fails at item
     * {@code failAt} when asked to.
     */
    private static final class LinesExporter implements DatasetExporter {
        GeneratedSource watched;
        long maxAhead;
        long failAt = -1;
        Workers workersGiven;
        Thread readOn;

        @Override
        public OptionParser options() {
            return OptionParser.named("lines").flag("--upper", "Label names in upper case");
        }

        @Override
        public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context)
                throws IOException {
            LabelCategories labels = source.categories().labels();
            workersGiven = context.workers();
            readOn = Thread.currentThread();
            long seen = 0;
            try (var out = Files.newBufferedWriter(outputDir.resolve("lines.txt"), StandardCharsets.UTF_8);
                 ItemCursor items = source.items()) {
                while (items.hasNext()) {
                    DatasetItem item = items.next();
                    seen++;
                    if (watched != null) {
                        maxAhead = Math.max(maxAhead, watched.made() - (Long.parseLong(item.id()) + 1));
                    }
                    if (seen == failAt) {
                        throw new DatasetException("item " + item.id() + ": bad");
                    }
                    if (item.subset().equals("odd")) {
                        context.warn("odd item", "odd", 1);
                    }
                    StringBuilder line = new StringBuilder(item.id());
                    for (var a : item.annotations()) {
                        String name = labels.get(a.label()).name();
                        line.append(' ').append(options.flag("upper") ? name.toUpperCase() : name);
                    }
                    out.write(line.append('\n').toString());
                }
            }
        }
    }

    private final LinesExporter exporter = new LinesExporter();

    private FormatTable registry() {
        FormatTable t = new FormatTable();
        t.add(FormatTable.Role.EXPORTER, exporter, "lines", 0, PROVIDER);
        t.add(FormatTable.Role.TRANSFORM, new FilterTransform(), FilterTransform.NAME, 0, PROVIDER);
        t.add(FormatTable.Role.TRANSFORM, new RemapLabels(), RemapLabels.NAME, 0, PROVIDER);
        t.add(FormatTable.Role.TRANSFORM, new SelectClasses(), SelectClasses.NAME, 0, PROVIDER);
        return t;
    }

    @Test
    void aHundredThousandItemsStreamThroughTwoTransformsOneAtATime() throws IOException {
        GeneratedSource source = new GeneratedSource(100_000);
        exporter.watched = source;
        List<Long> reported = new ArrayList<>();
        DatasetListener listener = new DatasetListener() {
            @Override
            public void itemsRead(int pass, long done, long total) {
                if (done % 10_000 == 0) {
                    reported.add(done);
                }
            }
        };
        ExportResult result = Pipeline.over(registry(), source, listener)
                .transform("remap_labels", "-l", "dog:", "-l", "car:vehicle")
                .transform("filter", "-e", "/item[annotation]", "-m", "items")
                .export(ExportRequest.of(dir.resolve("out"), "lines"));
        // a third of the items lose their only annotation (dog) and are filtered out
        assertEquals(66_667, result.items());
        assertEquals(100_000, source.made());
        // the read-ahead holds a few batches; nothing like the dataset
        assertTrue(exporter.maxAhead < 5_000, "the source ran " + exporter.maxAhead + " items ahead");
        assertEquals(6, reported.size());
        assertFalse(source.closed, "the caller's source is the caller's to close");
        try (Stream<String> lines = Files.lines(dir.resolve("out/lines.txt"))) {
            assertEquals(List.of("0 cat", "2 vehicle", "3 cat", "5 vehicle"), lines.limit(4).toList());
        }
    }

    @Test
    void theCallersBoundOnThreadsReachesTheFormatsAndOneThreadGivesTheSame() throws IOException {
        Pipeline.over(registry(), new GeneratedSource(2_000), DatasetListener.IGNORE)
                .export(ExportRequest.of(dir.resolve("many"), "lines"));
        Workers one = Workers.bounded(1);
        GeneratedSource source = new GeneratedSource(2_000);
        Pipeline.over(registry(), source, new DatasetListener() {
            @Override
            public Workers workers() {
                return one;
            }
        }).export(ExportRequest.of(dir.resolve("one"), "lines"));
        assertSame(one, exporter.workersGiven);
        assertSame(Thread.currentThread(), source.madeOn, "no read-ahead thread: the items are made as the exporter asks");
        assertEquals(Files.readAllLines(dir.resolve("many/lines.txt")), Files.readAllLines(dir.resolve("one/lines.txt")));
    }

    @Test
    void warningsReachTheListenerAndTheResult() throws IOException {
        Map<String, Long> heard = new java.util.LinkedHashMap<>();
        DatasetListener listener = new DatasetListener() {
            @Override
            public void warn(String kind, String detail, long times) {
                heard.merge(kind + "/" + detail, times, Long::sum);
            }
        };
        ExportResult result = Pipeline.over(registry(), new GeneratedSource(10), listener)
                .export(ExportRequest.of(dir.resolve("out"), "lines", "--upper"));
        assertEquals(Map.of("odd item/odd", 5L), heard);
        assertEquals(Map.of("odd item", Map.of("odd", 5L)), result.warnings());
        assertEquals(5, result.warningCount());
        assertEquals(10, result.items());
        assertEquals("0 CAT", Files.readAllLines(dir.resolve("out/lines.txt")).get(0));
    }

    @Test
    void aFailedExportLeavesNoOutputAndNoTemporaries() throws IOException {
        exporter.failAt = 500;
        Dataset pipeline = Pipeline.over(registry(), new GeneratedSource(1000), DatasetListener.IGNORE);
        DatasetException e = assertThrows(DatasetException.class,
                () -> pipeline.export(ExportRequest.of(dir.resolve("out"), "lines")));
        assertEquals("item 499: bad", e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void stagesAreCheckedWhenAddedAndLeaveTheEarlierPipelineAsItWas() throws IOException {
        Dataset plain = Pipeline.over(registry(), new GeneratedSource(9), DatasetListener.IGNORE);
        assertThrows(DatasetException.class, () -> plain.transform("rotate"));
        assertThrows(UsageException.class, () -> plain.transform("remap_labels", "--sideways"));
        Dataset filtered = plain.filter("/item[subset='even']");
        assertEquals(5, filtered.info().length());
        assertEquals(9, plain.info().length());
        assertEquals(Map.of("even", 5L), filtered.info().subsets());
    }

    @Test
    void remappingRebuildsTheCategories() throws IOException {
        var info = Pipeline.over(registry(), new GeneratedSource(3), DatasetListener.IGNORE)
                .transform("remap_labels", "-l", "cat:animal", "-l", "dog:animal", "--default", "delete")
                .info();
        assertEquals(List.of("animal"), info.labels());
    }

    @Test
    void theExportHintReachesTheSourceThroughEveryStage() throws IOException {
        GeneratedSource source = new GeneratedSource(6);
        Pipeline.over(registry(), source, DatasetListener.IGNORE)
                .transform("remap_labels", "-l", "dog:animal")
                .filter("/item[subset='even']")
                .export(ExportRequest.of(dir.resolve("out"), "lines", "--upper"));
        assertEquals(1, source.hints.size(), source.hints.toString());
        assertTrue(source.hints.get(0).startsWith("lines {"), source.hints.toString());
        assertTrue(source.hints.get(0).contains("upper"), source.hints.toString());
    }

    @Test
    void infoAndStatisticsGiveTheDisplayNamesOfTheLabels() throws IOException {
        LabelCategories labels = new LabelCategories(List.of(new LabelCategory("/m/0bt9lr", "", List.of(), "Dog"),
                new LabelCategory("/m/01yrx")), List.of());
        DatasetSource source = io.datum.spi.Datasets.of(new Categories(labels),
                List.of(new DatasetItem("a", "train", null, List.of(new Label(0)))));
        Dataset dataset = Pipeline.over(registry(), source, DatasetListener.IGNORE);
        assertEquals(List.of("Dog", ""), dataset.info().displayNames());
        @SuppressWarnings("unchecked")
        Map<String, Object> labelStats = (Map<String, Object>) ((Map<String, Object>) dataset
                .statistics(null, false, true).values().get("annotations")).get("labels");
        assertEquals(List.of("count", "distribution", "display names", "attributes"), List.copyOf(labelStats.keySet()));
        assertEquals(Map.of("/m/0bt9lr", "Dog", "/m/01yrx", ""), labelStats.get("display names"));
        DatasetSource plain = io.datum.spi.Datasets.of(new Categories(LabelCategories.ofNames("x")), List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> plainStats = (Map<String, Object>) ((Map<String, Object>) Pipeline.over(registry(), plain,
                DatasetListener.IGNORE).statistics(null, false, true).values().get("annotations")).get("labels");
        assertFalse(plainStats.containsKey("display names"), plainStats.toString());
    }

    @Test
    void classSelectionChainsWithTheOtherTransformsInTheJavaApi() throws IOException {
        var info = Pipeline.over(registry(), new GeneratedSource(9), DatasetListener.IGNORE)
                .transform("select_classes", "-l", "dog", "-l", "car", "--max-per-class", "2")
                .transform("remap_labels", "-l", "car:vehicle")
                .info();
        assertEquals(List.of("dog", "vehicle"), info.labels());
        assertEquals(4, info.length());
    }
}
