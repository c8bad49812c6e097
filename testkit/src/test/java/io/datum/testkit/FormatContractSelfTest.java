package io.datum.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.datum.files.FolderPaths;
import io.datum.model.DatasetItem;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Detection;
import io.datum.spi.Confidence;
import io.datum.spi.FormatDetector;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.MediaOptions;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Each check of the kit fails for a format that breaks its rule: the contract of a broken variant
 * of {@link LinesFormat} is run by the JUnit engine here, and exactly the check for that rule
 * fails. (The variants are nested classes, which the build's test run leaves to this test.)
 */
class FormatContractSelfTest {

    @Test
    void anExporterThatHoldsAllItemsFailsTheStreamingCheck() {
        assertEquals(Set.of("manyItemsStreamInASmallHeap"), failedChecks(Holding.class));
    }

    @Test
    void tooFewGeneratedItemsToOverflowTheHeapFailTheStreamingCheck() {
        assertEquals(Set.of("manyItemsStreamInASmallHeap"), failedChecks(TooFew.class));
    }

    @Test
    void anExporterThatFollowsDotDotFailsTheOutsideCheck() {
        assertEquals(Set.of("nothingIsWrittenOutsideTheOutputFolder"), failedChecks(Escaping.class));
    }

    @Test
    void anExporterThatLosesLabelsFailsTheRoundTrip() {
        assertEquals(Set.of("manyItemsStreamInASmallHeap", "samplesSurviveARoundTrip"), failedChecks(Lossy.class),
                "the streaming check counts the annotations read back too");
    }

    @Test
    void aDetectorThatTakesAnyFolderFailsTheDetectionCheck() {
        assertEquals(Set.of("emptyAndUnrelatedFoldersAreNotDetected"), failedChecks(Greedy.class));
    }

    @Test
    void anErrorOnTheWrongLineFailsTheBadInputCheck() {
        assertEquals(Set.of("badInputIsADatasetExceptionNamingFileAndLine"), failedChecks(WrongLine.class));
    }

    @Test
    void anImporterThatWritesIntoItsInputFailsTheChecksThatReadInputs() {
        assertEquals(Set.of("badInputIsADatasetExceptionNamingFileAndLine", "samplesSurviveARoundTrip"),
                failedChecks(Touching.class));
    }

    @Test
    void anExporterWhoseOptionsAreNamedOtherwiseFailsTheOptionsCheck() {
        assertEquals(Set.of("optionsGiveHelpAndRejectUnknownOptions"), failedChecks(Misnamed.class));
    }

    private static Set<String> failedChecks(Class<? extends FormatContract> contract) {
        Set<String> failed = new TreeSet<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents().failed()
                .stream().map(Event::getTestDescriptor)
                .forEach(d -> failed.add(d.getDisplayName().replaceFirst("\\(.*", "")));
        return failed;
    }

    static class Holding extends LinesContractTest {
        @Override
        protected DatasetExporter exporter() {
            return new LinesFormat.Exporter() {
                @Override
                public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context)
                        throws IOException {
                    List<DatasetItem> all = new ArrayList<>();
                    try (ItemCursor items = source.items()) {
                        items.forEachRemaining(all::add);
                    }
                    super.export(Datasets.of(source.categories(), all), outputDir, options, context);
                }
            };
        }
    }

    static class TooFew extends LinesContractTest {
        @Override
        protected long streamingItemCount() {
            return 1000;
        }
    }

    static class Escaping extends LinesContractTest {
        @Override
        protected DatasetExporter exporter() {
            return new LinesFormat.Exporter() {
                @Override
                Path mediaFile(FolderPaths output, Path outputDir, DatasetItem item) {
                    return outputDir.resolve("images/" + item.id() + item.image().extension());
                }
            };
        }
    }

    static class Lossy extends LinesContractTest {
        @Override
        protected DatasetExporter exporter() {
            return new LinesFormat.Exporter() {
                @Override
                String line(DatasetItem item, List<String> names) {
                    return item.id() + "\n";
                }
            };
        }
    }

    static class Greedy extends LinesContractTest {
        @Override
        protected FormatDetector detector() {
            return directory -> Detection.match(Confidence.LOW);
        }
    }

    static class Touching extends LinesContractTest {
        @Override
        protected DatasetImporter importer() {
            return new TouchingImporter();
        }
    }

    /** Leaves a file in every folder it reads. */
    @DatasetFormat(name = LinesFormat.NAME)
    static class TouchingImporter extends LinesFormat.Importer {
        @Override
        public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
            Files.writeString(path.resolve("index.cache"), "read\n");
            return super.open(path, options, context);
        }
    }

    static class Misnamed extends LinesContractTest {
        @Override
        protected DatasetExporter exporter() {
            return new MisnamedExporter();
        }
    }

    /** Its options are not named after its format. */
    @DatasetFormat(name = LinesFormat.NAME)
    static class MisnamedExporter extends LinesFormat.Exporter {
        @Override
        public OptionParser options() {
            return MediaOptions.parser("lines_exporter");
        }
    }

    static class WrongLine extends LinesContractTest {
        @Override
        protected List<BadInput> badInputs() throws IOException {
            BadInput bad = super.badInputs().get(0);
            return List.of(BadInput.at(bad.folder(), bad.file(), 1));
        }
    }
}
