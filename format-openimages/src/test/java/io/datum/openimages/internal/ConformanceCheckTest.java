package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Open Images → Open Images and error cases of the shared conformance corpus, run through the
 * importer and exporter directly and compared by the corpus's own {@code compare.py}. Skipped when
 * the corpus ({@code ../shared/conformance} beside the clone, or {@code -Ddatum.conformance=DIR})
 * or {@code python3} is not there; the unit tests never depend on it.
 */
class ConformanceCheckTest {
    @TempDir
    Path temp;

    static Path corpus() {
        String configured = System.getProperty("datum.conformance");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/conformance");
        return Files.isRegularFile(dir.resolve("compare.py")) ? dir : null;
    }

    private static Path corpusOrSkip() {
        Path corpus = corpus();
        Assumptions.assumeTrue(corpus != null, "no conformance corpus");
        return corpus;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "oi-v6-to-oi|oi-v6|--save-images|1e-06",
        "oi-v6-no-image-ids-to-oi|oi-v6-no-image-ids||1e-06",
        "oi-edge-to-oi|oi-edge|--save-images --save-dataset-meta|1e-09",
        "oi-meta-to-oi|oi-meta|--save-images --save-dataset-meta|1e-06",
        "oi-real-classes-to-oi|oi-real-classes|--save-images|0.001",
    })
    void matchesTheReference(String name, String input, String options, String tolerance) throws Exception {
        Path corpus = corpusOrSkip();
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        OpenImagesExporter exporter = new OpenImagesExporter();
        List<String> args = options == null ? List.of() : List.of(options.split(" "));
        ParsedOptions parsed = exporter.options().parse(args);
        try (DatasetSource source = new OpenImagesImporter(2).open(corpus.resolve("inputs").resolve(input),
                ParsedOptions.none(), JobContext.collecting())) {
            exporter.export(source, out, parsed, JobContext.collecting());
        }
        String diff = compare(corpus, corpus.resolve("expected").resolve(name), out, tolerance);
        assertEquals("", diff, name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "err-unknown-label|train-annotations-bbox.csv,/m/zzz",
        "err-no-class-descriptions|class-descriptions",
        "err-bad-number|train-annotations-human-imagelabels.csv,high",
        "err-unsafe-maskpath|train-annotations-object-segmentation.csv",
        "err-dup-id|image_ids_and_rotation.csv,img1",
    })
    void failsClearly(String input, String mentions) {
        Path corpus = corpusOrSkip();
        DatasetException e = assertThrows(DatasetException.class, () -> {
            try (DatasetSource source = new OpenImagesImporter().open(corpus.resolve("inputs").resolve(input),
                    ParsedOptions.none(), JobContext.collecting())) {
                source.items().forEachRemaining(item -> { });
            }
        });
        for (String m : mentions.split(",")) {
            assertTrue(e.getMessage().contains(m), e.getMessage() + " should name " + m);
        }
    }

    private static String compare(Path corpus, Path expected, Path actual, String tolerance)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", corpus.resolve("compare.py").toString(),
                expected.toString(), actual.toString(), "--tol", tolerance));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available");
            return "";
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return output.strip();
    }
}
