package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterVerbTest extends CommandLineFixture {
    private Path input;

    @BeforeEach
    void writeInput() throws IOException {
        input = catsAndDogs();
    }

    @Test
    void writesTheItemsTheExpressionSelectsInTheInputsFormat() throws IOException {
        assertEquals(0, run("filter", "-e", "/item[subset='test']", "in:fake", "-o", "out"), err);
        assertEquals(List.of("b test dog", "c test cat"), Files.readAllLines(dir.resolve("out/items.txt")));
        assertEquals(List.of("cat", "dog"), Files.readAllLines(dir.resolve("out/labels.txt")),
                "the declared labels are kept, as the reference keeps them");
        assertTrue(Files.exists(dir.resolve("out/media.flag")), "the media are written as the reference does");
        assertTrue(err.contains("INFO: Filtering..."), err);
        assertTrue(err.contains("INFO: Results have been saved to '" + dir.resolve("out") + "'"), err);
        assertEquals(List.of("a train cat", "b test dog", "c test cat"), Files.readAllLines(input.resolve("items.txt")));
    }

    @Test
    void removeUnusedLabelsDeclaresOnlyTheLabelsOfTheKeptItems() throws IOException {
        assertEquals(0, run("filter", "-e", "/item[annotation/label='dog']", "-i", "in", "--remove-unused-labels",
                "-o", "out"), err);
        assertEquals(List.of("dog"), Files.readAllLines(dir.resolve("out/labels.txt")));
        assertEquals(List.of("b test dog"), Files.readAllLines(dir.resolve("out/items.txt")));
    }

    @Test
    void takesTheShortModesAndTheSourcesOfAProject() throws IOException {
        assertEquals(0, run("create", "-o", "proj"), err);
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", input.toString()), err);
        assertEquals(0, run("filter", "-p", "proj", "-m", "i+a", "-e", "/item/annotation[label='cat']", "-o", "out"),
                err);
        assertEquals(List.of("a train cat", "c test cat"), Files.readAllLines(dir.resolve("out/items.txt")));
    }

    @Test
    void anExpressionAndAnOutputAreRequiredAndBadOnesWriteNothing() {
        assertEquals(1, run("filter", "-i", "in", "-o", "out"));
        assertTrue(err.contains("ERROR: Expected a filter expression ('-e' argument)"), err);
        assertEquals(2, run("filter", "-i", "in", "-e", "/item"));
        assertTrue(err.contains("the following arguments are required: -o/--output-dir"), err);
        assertEquals(1, run("filter", "-i", "in", "-e", "/item[", "-o", "out"));
        assertTrue(err.contains("ERROR: Failed to create XPath from expression '/item['"), err);
        assertEquals(1, run("filter", "-i", "in", "-e", "/item", "-m", "sideways", "-o", "out"));
        assertTrue(err.contains("Unknown filter mode 'sideways'"), err);
        assertEquals(1, run("filter", "-i", "in", "-e", "/item", "-o", "in/sub"));
        assertTrue(err.contains("overlaps the input"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void convertToTheSameFormatIsAllowedWhenItFilters() throws IOException {
        assertEquals(0, run("convert", "-i", "in", "-if", "fake", "-f", "fake", "-o", "out", "-e",
                "/item[subset='train']"), err);
        assertEquals(List.of("a train cat"), Files.readAllLines(dir.resolve("out/items.txt")));
        assertEquals(3, run("convert", "-i", "in", "-if", "fake", "-f", "fake", "-o", "out2"));
        assertFalse(Files.exists(dir.resolve("out2")));
    }
}
