package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.DatasetComparison;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MergeAndCompareVerbsTest extends CommandLineFixture {
    private Path input;

    @BeforeEach
    void writeInput() throws IOException {
        input = catsAndDogs();
    }

    private Path second() throws IOException {
        return fakeDataset("other", List.of("dog", "bird"), "b test bird", "d val dog");
    }

    @Test
    void mergeUnitesLabelsKeepsEveryItemAndWritesTheReport() throws IOException {
        second();
        assertEquals(0, run("merge", "in:fake", "other:fake", "-o", "out"), err);
        assertEquals(List.of("cat", "dog", "bird"), Files.readAllLines(dir.resolve("out/labels.txt")));
        assertEquals(List.of("a train cat", "b-0 test dog", "c test cat", "b-1 test bird", "d val dog"),
                Files.readAllLines(dir.resolve("out/items.txt")));
        assertEquals("{\n  \"Item errors\": {},\n  \"Source errors\": {},\n  \"All errors\": []\n}",
                Files.readString(dir.resolve("out/merge_report.json")));
        assertTrue(err.contains("INFO: Merge results have been saved to '" + dir.resolve("out") + "'"), err);
        assertTrue(err.contains("INFO: Report has been saved to '" + dir.resolve("out/merge_report.json") + "'"), err);
    }

    @Test
    void mergeWithOneTargetTakesTheProjectAndRefusesBadPolicies() throws IOException {
        second();
        assertEquals(0, run("create", "-o", "proj"), err);
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", input.toString()), err);
        assertEquals(0, run("merge", "-p", "proj", "other:fake", "-f", "other"), err);
        assertTrue(Files.isDirectory(dir.resolve("merged")), "the default output folder is 'merged'");
        assertEquals(1, run("merge", "-m", "exact", "in:fake", "other:fake", "-o", "out"));
        assertTrue(err.contains("ERROR: Merging of datasets with different categories is only allowed in 'merge' "
                + "command."), err);
        assertEquals(1, run("merge", "-m", "foo", "in:fake", "other:fake", "-o", "out"));
        assertTrue(err.contains("ERROR: foo is invalid Merger name."), err);
        assertEquals(2, run("merge", "-o", "out"));
        assertTrue(err.contains("the following arguments are required: targets"), err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void compareExitsWith0WhenEqualAnd1WhenDifferentAndWritesTheReportWithO() throws IOException {
        assertEquals(0, run("transform", "-t", "reindex", "-i", "in", "-o", "copy", "--", "-s", "1"), err);
        assertEquals(0, run("convert", "-i", "in", "-if", "fake", "-f", "fake", "-o", "same", "-e", "/item"), err);
        assertEquals(0, run("compare", "-m", "equality", "in:fake", "same:fake"), err);
        assertEquals("The datasets are equal (3 and 3 items)\n", out);
        assertEquals(1, run("compare", "-m", "equality", "in:fake", "copy:fake", "-o", "report"));
        assertTrue(out.contains("Only in the first: test/b\n"), out);
        assertTrue(out.contains("Only in the second: test/2\n"), out);
        assertTrue(out.endsWith("The datasets differ (3 and 3 items): 0 label differences, 3 items only in the first, "
                + "3 only in the second, 0 different\n"), out);
        String json = Files.readString(dir.resolve("report/equality_compare.json"));
        assertTrue(json.contains("\"a_extra_items\": [\n    [\n      \"b\",\n      \"test\"\n    ]"), json);
        assertFalse(err.contains("ERROR"), err);
    }

    @Test
    void compareTellsWhatDiffersInAnItem() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.write(other.resolve("labels.txt"), List.of("cat", "dog"));
        Files.write(other.resolve("items.txt"), List.of("a train dog", "b test dog", "c test cat"));
        assertEquals(1, run("compare", "-m", "equality", "in:fake", "other:fake"));
        assertEquals("Different: train/a\n  only in the first: label 'cat'\n  only in the second: label 'dog'\n"
                + "The datasets differ (3 and 3 items): 0 label differences, 0 items only in the first, 0 only in the "
                + "second, 1 different\n", out);
        assertEquals(2, run("compare", "in:fake", "other:fake", "--tolerance", "-1"));
        assertTrue(err.contains("argument --tolerance: expected a number of at least 0, got '-1'"), err);
        assertEquals(1, run("compare", "in:fake"));
        assertTrue(err.contains("ERROR: One target is compared with the current project, and there is no project at '.'"),
                err);
        assertEquals(1, run("merge", "in:fake"));
        assertTrue(err.contains("ERROR: One target is merged with the current project, and there is no project at '.'"),
                err);
        assertEquals(2, run("compare", "in:fake", "other:fake", "-m", "bogus"));
        assertTrue(err.contains("invalid choice: 'bogus' (choose from 'table', 'equality', 'distance')"), err);
    }

    @Test
    void theShellGetsTheComparisonAsAResultEvenWhenTheDatasetsDiffer() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        DatumCommandLine.Outcome outcome = datum.call(List.of("compare", "-m", "equality", "in:fake", "in:fake"),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
        assertEquals(0, outcome.exitCode());
        assertTrue(((DatasetComparison) outcome.result()).equal());
        assertEquals("", o.toString(StandardCharsets.UTF_8), "the shell prints the result itself");
    }
}
