package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.ExportResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransformVerbTest extends CommandLineFixture {
    private Path input;

    @BeforeEach
    void writeInput() throws IOException {
        input = catsAndDogs();
    }

    @Test
    void writesTheTransformedDatasetInItsOwnFormatWithItsMedia() throws IOException {
        Path target = dir.resolve("out");
        assertEquals(0, run("transform", "-t", "remap_labels", "-i", "in", "-o", "out", "--", "-l", "cat:kitty"), err);
        assertEquals(List.of("kitty", "dog"), Files.readAllLines(target.resolve("labels.txt")));
        assertEquals(List.of("a train kitty", "b test dog", "c test kitty"), Files.readAllLines(target.resolve("items.txt")));
        assertTrue(Files.exists(target.resolve("media.flag")), "the media are written as the reference does");
        assertTrue(err.contains("INFO: Transforming..."), err);
        assertTrue(err.contains("INFO: Results have been saved to '" + target + "'"), err);
        assertEquals(List.of("a train cat", "b test dog", "c test cat"), Files.readAllLines(input.resolve("items.txt")));
    }

    @Test
    void chainsTransformsEachWithItsGroupOfOptions() throws IOException {
        assertEquals(0, run("transform", "-t", "filter", "-t", "remap_labels", "in:fake", "-o", "out", "--",
                "-e", "/item[subset=\"test\"]", "--", "-l", "dog:hound", "-l", "cat:kitty"), err);
        assertEquals(List.of("kitty", "hound"), Files.readAllLines(dir.resolve("out/labels.txt")));
        assertEquals(List.of("b test hound", "c test kitty"), Files.readAllLines(dir.resolve("out/items.txt")));
    }

    @Test
    void chainsTheItemTransforms() throws IOException {
        assertEquals(0, run("transform", "-t", "rename", "-t", "map_subsets", "-t", "remove_items", "-i", "in", "-o", "out",
                "--", "-e", "|^(.)$|img_\\1|", "--", "-s", "test:val", "--", "--id", "img_b:val"), err);
        assertEquals(List.of("img_a train cat", "img_c val cat"), Files.readAllLines(dir.resolve("out/items.txt")));
    }

    @Test
    void aTransformWithoutAGroupHasNoOptions() throws IOException {
        assertEquals(0, run("transform", "-t", "remap_labels", "-t", "filter", "-i", "in", "-o", "out", "--",
                "-l", "dog:hound"), err);
        assertEquals(List.of("a train cat", "b test hound", "c test cat"), Files.readAllLines(dir.resolve("out/items.txt")));
    }

    @Test
    void transformsTheSourcesOfAProjectAndRefusesATargetWithAPath() throws IOException {
        assertEquals(0, run("create", "-o", "proj"), err);
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", input.toString()), err);
        assertEquals(0, run("transform", "-t", "reindex", "-p", "proj", "-o", "out", "--", "-s", "5"), err);
        assertEquals(List.of("5 train cat", "6 test dog", "7 test cat"), Files.readAllLines(dir.resolve("out/items.txt")));
        assertEquals(2, run("transform", "-t", "reindex", "in:fake", "-i", "in", "-o", "out2"));
        assertTrue(err.contains("argument -i/--input-path: not allowed with a target"), err);
        assertEquals(1, run("transform", "-t", "reindex", "-i", "nowhere", "-o", "out2"));
        assertTrue(err.contains("ERROR: Path nowhere doesn't exist"), err);
        assertFalse(Files.exists(dir.resolve("out2")));
    }

    @Test
    void anUnknownTransformNamesTheListingVerb() {
        assertEquals(1, run("transform", "-t", "nosuch", "-i", "in", "-o", "out"));
        assertTrue(err.contains("ERROR: Transform 'nosuch' is not found; 'datum transforms' lists the installed ones ("),
                err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void theOutputIsRequiredAndMayNotOverlapTheInput() throws IOException {
        assertEquals(2, run("transform", "-t", "remap_labels", "-i", "in"));
        assertTrue(err.contains("error: the following arguments are required: -o/--output-dir"), err);
        assertEquals(1, run("transform", "-t", "remap_labels", "-i", "in", "-o", "in", "--overwrite"));
        assertTrue(err.contains("overlaps the input"), err);
        assertEquals(1, run("transform", "-t", "remap_labels", "-i", "in", "-o", "in/sub"));
        assertTrue(err.contains("overlaps the input"), err);
        assertEquals(List.of("a train cat", "b test dog", "c test cat"), Files.readAllLines(input.resolve("items.txt")));
        assertEquals(2, run("transform", "-i", "in", "-o", "out"));
        assertTrue(err.contains("the following arguments are required: -t/--transform"), err);
    }

    @Test
    void badTransformOptionsAreTheTransformsUsageErrorBeforeAnythingIsRead() {
        assertEquals(2, run("transform", "-t", "remap_labels", "-i", "in", "-o", "out", "--", "--default", "x", "-l", "y"));
        assertTrue(err.contains("usage: remap_labels"), err);
        assertEquals(2, run("transform", "-t", "remap_labels", "-i", "in", "-o", "out", "--", "--nosuch"));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void helpOfTheVerbAndOfATransform() {
        assertEquals(0, run("transform", "-h"));
        assertTrue(out.contains("usage: datum transform"), out);
        assertTrue(out.contains("Builtin transforms: boxes_to_masks, filter, "), out);
        assertEquals(0, run("transform", "-t", "remap_labels", "--", "-h"));
        assertTrue(out.startsWith("usage: remap_labels"), out);
    }

    @Test
    void returnsTheExportResultToTheShell() {
        DatumCommandLine.Outcome outcome = datum.call(List.of("transform", "-t", "remap_labels", "-i", "in", "-o", "out"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, outcome.exitCode());
        assertEquals(dir.resolve("out"), ((ExportResult) outcome.result()).output());
    }
}
