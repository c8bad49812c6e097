package io.datum.cvat.internal.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedRecordTest {
    private static final RecordCodec<String> STRINGS = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, String value) throws IOException {
            RecordCodec.writeString(out, value);
        }

        @Override
        public String read(DataInput in) throws IOException {
            return RecordCodec.readString(in);
        }
    };

    @TempDir
    Path dir;

    @Test
    void sortsByKeyThenMinorKeyThenArrivalAcrossSpilledRuns() {
        Random random = new Random(7);
        List<KeyedRecord<String>> added = new ArrayList<>();
        List<KeyedRecord<String>> sorted = new ArrayList<>();
        try (ExternalSort<KeyedRecord<String>> sort = KeyedRecord.sort(STRINGS, 10, dir)) {
            for (int i = 0; i < 1000; i++) {
                KeyedRecord<String> r = new KeyedRecord<>(random.nextInt(20), random.nextInt(3), "v" + i + "é".repeat(i % 3));
                added.add(r);
                sort.add(r);
            }
            sort.finish();
            assertTrue(sort.spilled());
            try (ExternalSort<KeyedRecord<String>>.Cursor cursor = sort.cursor()) {
                cursor.forEachRemaining(sorted::add);
            }
        }
        // List.sort is stable: records of equal keys stay in the order they were added
        added.sort(Comparator.<KeyedRecord<String>>comparingLong(KeyedRecord::key).thenComparingLong(KeyedRecord::minor));
        assertEquals(added, sorted);
    }
}
