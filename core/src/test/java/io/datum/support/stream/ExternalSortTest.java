package io.datum.support.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.spi.DatasetException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSortTest {
    /** A key that many records share, and the order they were added in, to see stability. */
    record Keyed(int key, long arrival, String text) {
    }

    static final RecordCodec<Keyed> CODEC = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, Keyed k) throws IOException {
            out.writeInt(k.key);
            out.writeLong(k.arrival);
            RecordCodec.writeString(out, k.text);
        }

        @Override
        public Keyed read(DataInput in) throws IOException {
            return new Keyed(in.readInt(), in.readLong(), RecordCodec.readString(in));
        }
    };
    static final Comparator<Keyed> BY_KEY = Comparator.comparingInt(Keyed::key);

    @TempDir
    Path temp;

    private static List<Keyed> random(int n, int keys, long seed) {
        Random random = new Random(seed);
        List<Keyed> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int key = random.nextInt(keys);
            records.add(new Keyed(key, i, "r" + key + "é".repeat(random.nextInt(4))));
        }
        return records;
    }

    private static List<Keyed> drain(ExternalSort<Keyed> sort) {
        List<Keyed> out = new ArrayList<>();
        try (ExternalSort<Keyed>.Cursor cursor = sort.cursor()) {
            cursor.forEachRemaining(out::add);
        }
        return out;
    }

    private long filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).count();
        }
    }

    @Test
    void manyRunsAndIntermediateMergesGiveTheInMemoryStableOrder() throws IOException {
        List<Keyed> records = random(20_000, 50, 1);
        // 20,000 / 97 = 207 runs, fan-in 4: several rounds of intermediate merges
        try (ExternalSort<Keyed> sort = new ExternalSort<>(CODEC, BY_KEY, 97, 4, temp)) {
            records.forEach(sort::add);
            sort.finish();
            assertTrue(sort.spilled());
            assertEquals(records.size(), sort.size());
            List<Keyed> expected = new ArrayList<>(records);
            expected.sort(BY_KEY);  // stable: equal keys in arrival order
            assertEquals(expected, drain(sort));
            assertEquals(expected, drain(sort), "a second pass gives the same");
            try (Stream<Path> files = Files.list(temp)) {
                Path spillDir = files.findFirst().orElseThrow();
                assertTrue(filesUnder(spillDir) <= 4, "the merge rounds leave at most the fan-in of runs");
            }
        }
        assertEquals(0, filesUnder(temp), "close removes the spill files and their folder");
    }

    @Test
    void equalKeysKeepTheirOrderAcrossRuns() {
        List<Keyed> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(new Keyed(i % 3 == 0 ? 1 : 0, i, "x"));
        }
        try (ExternalSort<Keyed> sort = new ExternalSort<>(CODEC, BY_KEY, 10, 3, temp)) {
            records.forEach(sort::add);
            sort.finish();
            List<Keyed> sorted = drain(sort);
            for (int i = 1; i < sorted.size(); i++) {
                Keyed a = sorted.get(i - 1);
                Keyed b = sorted.get(i);
                assertTrue(a.key < b.key || a.key == b.key && a.arrival < b.arrival, a + " before " + b);
            }
        }
    }

    @Test
    void smallInputStaysInMemory() {
        try (ExternalSort<Keyed> sort = new ExternalSort<>(CODEC, BY_KEY, 100, temp)) {
            random(99, 5, 2).forEach(sort::add);
            sort.finish();
            assertFalse(sort.spilled());
            assertEquals(99, drain(sort).size());
        }
        assertFalse(Files.exists(temp.resolve("x")));
    }

    @Test
    void runsSortedByTheCallerMergeByRankThenInOrder() throws IOException {
        try (ExternalSort<Keyed> sort = new ExternalSort<>(CODEC, BY_KEY, 10, 2, temp)) {
            // handed over out of rank order, one in memory: ties go to the lower rank
            sort.addSortedRun(2, out -> write(out, new Keyed(1, 20, "c"), new Keyed(5, 21, "c")));
            byte[] inMemory = bytes(new Keyed(1, 0, "a"), new Keyed(3, 1, "a"));
            sort.addSortedRun(0, inMemory, inMemory.length);
            sort.addSortedRun(1, out -> write(out, new Keyed(1, 10, "b"), new Keyed(2, 11, "b")));
            sort.finish();
            List<String> order = drain(sort).stream().map(k -> k.key + k.text).toList();
            assertEquals(List.of("1a", "1b", "1c", "2b", "3a", "5c"), order);
        }
    }

    private static void write(java.io.OutputStream out, Keyed... records) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        for (Keyed k : records) {
            CODEC.write(data, k);
        }
        data.flush();
    }

    private static byte[] bytes(Keyed... records) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(out, records);
        return out.toByteArray();
    }

    @Test
    void spillFilesGoWhenTheCallerFailsAndCloses() throws IOException {
        RecordCodec<Keyed> failing = new RecordCodec<>() {
            @Override
            public void write(DataOutput out, Keyed k) throws IOException {
                if (k.key == 7) {
                    throw new IllegalStateException("bad record");
                }
                CODEC.write(out, k);
            }

            @Override
            public Keyed read(DataInput in) throws IOException {
                return CODEC.read(in);
            }
        };
        try (ExternalSort<Keyed> sort = new ExternalSort<>(failing, BY_KEY, 5, temp)) {
            assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    sort.add(new Keyed(i % 8, i, "x"));
                }
            });
            assertTrue(filesUnder(temp) > 0, "runs before the failure were spilled");
        }
        assertEquals(0, filesUnder(temp));
    }

    @Test
    void anUnreadableSpillFileIsNamed() throws IOException {
        try (ExternalSort<Keyed> sort = new ExternalSort<>(CODEC, BY_KEY, 3, temp)) {
            random(10, 5, 3).forEach(sort::add);
            sort.finish();
            Path run;
            try (Stream<Path> files = Files.walk(temp)) {
                run = files.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
            }
            Files.write(run, new byte[] {0, 0, 0, 1, 0});  // cut inside a record
            DatasetException e = assertThrows(DatasetException.class, () -> drain(sort));
            assertTrue(e.getMessage().contains(run.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("ends inside a record"), e.getMessage());
        }
        assertEquals(0, filesUnder(temp));
    }

    @Test
    void aSpillFolderThatCannotBeMadeIsNamed() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");
        try (ExternalSort<Keyed> sort = new ExternalSort<>(CODEC, BY_KEY, 1, notAFolder)) {
            DatasetException e = assertThrows(DatasetException.class, () -> sort.add(new Keyed(1, 1, "x")));
            assertTrue(e.getMessage().contains(notAFolder.toString()), e.getMessage());
        }
    }
}
