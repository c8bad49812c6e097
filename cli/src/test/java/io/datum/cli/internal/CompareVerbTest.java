package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.TableComparison.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompareVerbTest extends CommandLineFixture {
    @BeforeEach
    void writeInputs() throws IOException {
        catsAndDogs();
        fakeDataset("other", List.of("dog", "bird"), "b test bird", "d val dog");
    }

    @Test
    void theTableIsTheDefaultMethodPrintedAsGridsAndWrittenAsJsonAndText() throws IOException {
        assertEquals(0, run("compare", "in:fake", "other:fake", "-o", "report"), err);
        assertTrue(out.startsWith("""
                High-level comparison:
                +--------------------------+----------+-----------+
                | Field                    | First    | Second    |
                +==========================+==========+===========+
                | Format                   | fake     | fake      |
                +--------------------------+----------+-----------+
                | Number of classes        | 2        | 2         |
                +--------------------------+----------+-----------+
                | Common classes           | dog      | dog       |
                +--------------------------+----------+-----------+
                | Classes                  | cat, dog | bird, dog |
                +--------------------------+----------+-----------+
                """), out);
        assertTrue(out.contains("""
                | train - Image Mean | n/a                      |                          |
                """), out);
        assertTrue(out.contains("""
                | Label - dog        | imgs: 1, percent: 0.3333 | imgs: 1, percent: 0.5000 |
                """), out);
        assertTrue(out.endsWith("""
                Low-level comparison:
                +-----------------+---------+
                | Field           | Value   |
                +=================+=========+
                | Covariate shift | n/a     |
                +-----------------+---------+
                | Label shift     | 0.75    |
                +-----------------+---------+

                """), out);
        String text = Files.readString(dir.resolve("report/table_compare.txt"));
        assertEquals(out.replace(" comparison:", " Comparison:"), text);
        String json = Files.readString(dir.resolve("report/table_compare.json"));
        // as the reference builds it, each level without its first row
        assertTrue(json.startsWith("{\n  \"high_level\": {\n    \"Number of classes\": [\n      \"2\",\n      \"2\"\n"),
                json);
        assertTrue(json.endsWith("\"low_level\": {\n    \"Label shift\": [\n      \"0.75\"\n    ]\n  }\n}"), json);
        assertTrue(err.contains("INFO: The results have been saved to '" + dir.resolve("report/table_compare.txt") + "'"),
                err);
    }

    @Test
    void distanceTellsTheUnmatchedItemsAndLabelsAndWritesTheLabelDifferences() throws IOException {
        Path third = Files.createDirectories(dir.resolve("third"));
        Files.write(third.resolve("labels.txt"), List.of("cat", "dog", "bird"));
        Files.write(third.resolve("items.txt"), List.of("a train cat", "b test cat", "x val dog"));
        assertEquals(0, run("compare", "-m", "distance", "in:fake", "third:fake", "-o", "d"), err);
        assertEquals("""
                Datasets have mismatching labels:
                 #0: < bird
                Unmatched items in the first dataset:\s
                {('c', 'test')}
                Unmatched items in the second dataset:\s
                {('x', 'val')}
                label: 1 matched, 1 only in the first, 1 only in the second
                bbox: 0 matched, 0 with another label, 0 only in the first, 0 only in the second
                polygon: 0 matched, 0 with another label, 0 only in the first, 0 only in the second
                mask: 0 matched, 0 with another label, 0 only in the first, 0 only in the second
                """, out);
        assertEquals("b\n  >dog\n  <cat\n", Files.readString(dir.resolve("d/label_diff.txt")));
        String json = Files.readString(dir.resolve("d/distance_compare.json"));
        assertTrue(json.contains("      [\n        \"cat\",\n        \"cat\",\n        1\n      ]"), json);
        assertEquals(2, run("compare", "-m", "distance", "--iou-thresh", "1.5", "in:fake", "third:fake"));
        assertTrue(err.contains("argument --iou-thresh: expected a number from 0 to 1, got '1.5'"), err);
        assertEquals(2, run("compare", "-m", "distance", "-f", "tensorboard", "in:fake", "third:fake"));
        assertTrue(err.contains("argument -f/--format: invalid choice: 'tensorboard' (choose from 'simple')"), err);
        assertFalse(Files.exists(dir.resolve("compare")), "nothing is written without -o");
    }

    @Test
    void cellsAreWrappedAtSpacesWithin35CharactersAndLongWordsAreCut() {
        assertEquals(List.of("/m/01yrx, /m/04yx4, /m/0bl9f,", "/m/0bt9lr"),
                CompareTables.wrap("/m/01yrx, /m/04yx4, /m/0bl9f, /m/0bt9lr"));
        assertEquals(List.of("1.00,   2.00,   3.00"), CompareTables.wrap("  1.00,   2.00,   3.00"));
        assertEquals(List.of("a".repeat(35), "aaaaa b"), CompareTables.wrap("a".repeat(40) + " b"));
        assertEquals(List.of(), CompareTables.wrap(""));
        assertEquals("""
                +---------+-----------------------------------+
                | Field   | Value                             |
                +=========+===================================+
                | a       | %s |
                |         | yy                                |
                +---------+-----------------------------------+
                | empty   |                                   |
                +---------+-----------------------------------+""".formatted("x".repeat(33)),
                CompareTables.grid(List.of("Field", "Value"), List.of(new Row("a", List.of("x".repeat(33) + " yy")),
                        new Row("empty", List.of("")))));
    }
}
