package io.datum.cvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.cvat.internal.read.CvatImporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CVAT → CVAT cases of the project's conformance corpus, compared by its own compare.py. Runs
 * only on a machine that has the corpus (and Python); the unit tests never depend on it.
 */
@EnabledIf("corpusPresent")
public class SharedConformanceTest {
    /** {@code ../shared/conformance} beside the checkout (tests run in the module's folder). */
    public static final Path CORPUS = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("conformance");

    @TempDir
    Path out;

    static boolean corpusPresent() {
        if (!Files.isRegularFile(CORPUS.resolve("compare.py"))) {
            return false;
        }
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cvat-task-to-cvat              | cvat-task              | --save-images
            cvat-video-to-cvat             | cvat-video             | --save-images
            real-cvat-fields-video-to-cvat | real-cvat-fields-video |
            real-cvat-incisions-to-cvat    | real-cvat-incisions    |
            """)
    void convertsAsTheReference(String expected, String input, String option) throws Exception {
        try (DatasetSource source = new CvatImporter().open(CORPUS.resolve("inputs").resolve(input), ParsedOptions.none(),
                JobContext.collecting())) {
            CvatTestSupport.export(source, out, option == null ? new String[0] : new String[] {option});
        }
        Process compare = new ProcessBuilder(List.of("python3", CORPUS.resolve("compare.py").toString(),
                CORPUS.resolve("expected").resolve(expected).toString(), out.toString(), "--tol", "0.011"))
                .redirectErrorStream(true).start();
        String differences = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, compare.waitFor(), differences);
    }
}
