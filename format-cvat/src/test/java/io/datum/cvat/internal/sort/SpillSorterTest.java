package io.datum.cvat.internal.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillSorterTest {
    private static final SpillSorter.Codec<String> STRINGS = new SpillSorter.Codec<>() {
        @Override
        public void write(DataOutput out, String value) throws IOException {
            AnnotationCodec.writeString(out, value);
        }

        @Override
        public String read(DataInput in) throws IOException {
            return AnnotationCodec.readString(in);
        }
    };

    @TempDir
    Path dir;

    private long filesUnder(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> !p.equals(folder)).count();
        }
    }

    @Test
    void sortsByKeysThenArrivalAcrossSpilledRuns() throws IOException {
        Random random = new Random(7);
        record In(long key, long minor, long seq, String value) {
        }
        List<In> added = new ArrayList<>();
        try (SpillSorter<String> sorter = new SpillSorter<>(dir, 10, STRINGS)) {
            for (int i = 0; i < 1000; i++) {
                long key = random.nextInt(20);
                long minor = random.nextInt(3);
                String value = "v" + i + "é".repeat(i % 3);
                added.add(new In(key, minor, i, value));
                sorter.add(key, minor, value);
            }
            assertTrue(sorter.spilled());
            assertEquals(1, filesUnder(dir) > 0 ? 1 : 0);
            added.sort(Comparator.comparingLong(In::key).thenComparingLong(In::minor).thenComparingLong(In::seq));
            Iterator<SpillSorter.Entry<String>> sorted = sorter.sorted();
            for (In expected : added) {
                SpillSorter.Entry<String> e = sorted.next();
                assertEquals(expected.key, e.key());
                assertEquals(expected.minor, e.minor());
                assertEquals(expected.value, e.value());
            }
            assertFalse(sorted.hasNext());
        }
        assertEquals(0, filesUnder(dir), "close removes the spill folder");
    }

    @Test
    void staysInMemoryBelowTheLimit() throws IOException {
        try (SpillSorter<String> sorter = new SpillSorter<>(dir, 100, STRINGS)) {
            sorter.add(2, 0, "b");
            sorter.add(1, 5, "a2");
            sorter.add(1, 5, "a3");
            sorter.add(1, 0, "a1");
            assertFalse(sorter.spilled());
            List<String> values = new ArrayList<>();
            sorter.sorted().forEachRemaining(e -> values.add(e.value()));
            assertEquals(List.of("a1", "a2", "a3", "b"), values);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
