package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code datum merge -m exact|intersect} with its options, on the test format's label-per-item datasets. */
class MergeVerbTest extends CommandLineFixture {
    @BeforeEach
    void writeInputs() throws IOException {
        fakeDataset("a1", "a train cat", "b train dog");
        fakeDataset("a2", "a train cat", "b train cat");
        fakeDataset("a3", "a train dog", "b train cat");
    }

    @Test
    void intersectVotesTheLabelsAndWritesTheFailedVotesToTheReport() throws IOException {
        assertEquals(0, run("merge", "-m", "intersect", "--quorum", "2", "a1:fake", "a2:fake", "a3:fake", "-o", "out"),
                err);
        // each item's labels are voted: cat has 2 of 3 votes in both items and is kept; dog has 1,
        // below the quorum: an error blaming the datasets that voted otherwise
        assertEquals(List.of("a train cat", "b train cat"), Files.readAllLines(dir.resolve("out/items.txt")));
        assertEquals("""
                {
                  "Item errors": {
                    "('a', 'train')": 1,
                    "('b', 'train')": 1
                  },
                  "Source errors": {
                    "0": 1,
                    "1": 1,
                    "2": 1
                  },
                  "All errors": [
                    "Item ('a', 'train'): label voting failed, votes {'cat': 2, 'dog': 1}, sources {0, 1}",
                    "Item ('b', 'train'): label voting failed, votes {'dog': 1, 'cat': 2}, sources {1, 2}"
                  ]
                }""", Files.readString(dir.resolve("out/merge_report.json")));
        assertTrue(err.contains("INFO: Report has been saved to '" + dir.resolve("out/merge_report.json") + "'"), err);
    }

    @Test
    void exactJoinsItemsKeepingEqualLabelsOnceWithACleanReport() throws IOException {
        assertEquals(0, run("merge", "-m", "exact", "a1:fake", "a2:fake", "-o", "out"), err);
        // 'a' has cat in both (one label); 'b' has dog then cat, the first dataset's first
        assertEquals(List.of("a train cat", "b train dog"), Files.readAllLines(dir.resolve("out/items.txt")));
        assertEquals("{\n  \"Item errors\": {},\n  \"Source errors\": {},\n  \"All errors\": []\n}",
                Files.readString(dir.resolve("out/merge_report.json")));
    }

    @Test
    void badIntersectOptionsStopBeforeAnythingIsWritten() {
        assertEquals(2, run("merge", "-m", "intersect", "--quorum", "two", "a1:fake", "a2:fake", "-o", "out"));
        assertTrue(err.contains("argument --quorum: invalid int value: 'two'"), err);
        assertEquals(2, run("merge", "-m", "intersect", "-iou", "high", "a1:fake", "a2:fake", "-o", "out"));
        assertTrue(err.contains("argument -iou/--iou-thresh: invalid float value: 'high'"), err);
        assertEquals(1, run("merge", "-m", "intersect", "-g", "cat,bird?", "a1:fake", "a2:fake", "-o", "out"));
        assertTrue(err.contains("ERROR: Datasets do not contain label 'bird', available labels ['cat', 'dog']"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
