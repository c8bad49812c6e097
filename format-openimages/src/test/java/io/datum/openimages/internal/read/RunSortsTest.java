package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import io.datum.support.stream.Workers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The primitive run sorts give what sorting the records one by one gives. */
class RunSortsTest {
    @TempDir
    Path temp;

    private static byte[] randomId(Random random, List<byte[]> earlier) {
        int kind = random.nextInt(10);
        if (kind == 0 && !earlier.isEmpty()) {
            return earlier.get(random.nextInt(earlier.size()));  // the same item again, in another run
        }
        byte[] id;
        if (kind < 4 && !earlier.isEmpty()) {
            // a long shared beginning: the first bytes cannot order these
            byte[] base = earlier.get(random.nextInt(earlier.size()));
            id = java.util.Arrays.copyOf(base, Math.max(0, base.length + random.nextInt(5) - 2));
            if (id.length > 0) {
                id[id.length - 1] = (byte) random.nextInt(256);
            }
        } else {
            id = new byte[random.nextInt(20)];
            for (int i = 0; i < id.length; i++) {
                // hex digits mostly, now and then NUL or bytes above 0x7F (compared unsigned)
                id[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : (byte) "0123456789abcdef".charAt(random.nextInt(16));
            }
        }
        earlier.add(id);
        return id;
    }

    @Test
    void idRunsComeOutAsTheRecordSortGivesThem() {
        idRunsAsTheRecordSort(Workers.unbounded());
        idRunsAsTheRecordSort(Workers.bounded(1));
    }

    private void idRunsAsTheRecordSort(Workers workers) {
        Random random = new Random(9);
        for (int recordsPerRun : new int[] {1, 7, 1000, 50_000}) {
            List<byte[]> ids = new ArrayList<>();
            try (ExternalSort<RunPositions.RunId> byRecord = new ExternalSort<>(RunPositions.RUN_ID, RunPositions.BY_ID,
                    recordsPerRun, temp);
                 ExternalSort<RunPositions.RunId> byRuns = new ExternalSort<>(RunPositions.RUN_ID, RunPositions.BY_ID,
                         recordsPerRun, temp)) {
                RunSorts.ByIdRuns runs = new RunSorts.ByIdRuns(byRuns, recordsPerRun, workers);
                int count = recordsPerRun < 10 ? 300 : 20_000;
                for (int run = 0; run < count; run++) {
                    byte[] id = randomId(random, ids);
                    byte[] padded = new byte[id.length + 6];
                    System.arraycopy(id, 0, padded, 3, id.length);
                    byRecord.add(new RunPositions.RunId(id, run));
                    runs.add(padded, 3, 3 + id.length, run);
                }
                runs.finish();
                runs.close();
                byRecord.finish();
                byRuns.finish();
                try (ExternalSort<RunPositions.RunId>.Cursor expected = byRecord.cursor();
                     ExternalSort<RunPositions.RunId>.Cursor actual = byRuns.cursor()) {
                    int n = 0;
                    while (expected.hasNext()) {
                        RunPositions.RunId e = expected.next();
                        RunPositions.RunId a = actual.next();
                        assertArrayEquals(e.id(), a.id(), "record " + n + " of runs of " + recordsPerRun);
                        assertEquals(e.run(), a.run(), "record " + n + " of runs of " + recordsPerRun);
                        n++;
                    }
                    assertFalse(actual.hasNext());
                }
            }
        }
    }

    @Test
    void longRunsComeOutSorted() {
        longRunsSorted(Workers.unbounded());
        longRunsSorted(Workers.bounded(1));
    }

    private void longRunsSorted(Workers workers) {
        Random random = new Random(4);
        for (int recordsPerRun : new int[] {1, 1000, 100_000}) {
            try (ExternalSort<Long> byRecord = new ExternalSort<>(RecordCodec.longs(), Comparator.naturalOrder(), recordsPerRun, temp);
                 ExternalSort<Long> byRuns = new ExternalSort<>(RecordCodec.longs(), Comparator.naturalOrder(), recordsPerRun, temp)) {
                RunSorts.LongRuns runs = new RunSorts.LongRuns(byRuns, recordsPerRun, workers);
                int count = recordsPerRun == 1 ? 200 : 30_000;
                for (int i = 0; i < count; i++) {
                    long v = random.nextBoolean() ? (long) random.nextInt(1 << 20) << 32 | random.nextInt(1 << 30) : random.nextLong();
                    byRecord.add(v);
                    runs.add(v);
                }
                runs.finish();
                runs.close();
                byRecord.finish();
                byRuns.finish();
                try (ExternalSort<Long>.Cursor expected = byRecord.cursor(); ExternalSort<Long>.Cursor actual = byRuns.cursor()) {
                    while (expected.hasNext()) {
                        assertEquals(expected.next(), actual.next());
                    }
                    assertFalse(actual.hasNext());
                }
            }
        }
    }
}
