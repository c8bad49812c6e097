package io.datum.cvat.internal.sort;

import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A value sorted by a key, then a minor key, then by arrival (the sort is stable): a frame's
 * records by the frame's rank of first mention, a track's shapes by track and frame.
 */
public record KeyedRecord<T>(long key, long minor, T value) {
    private static final Comparator<KeyedRecord<?>> ORDER =
            Comparator.<KeyedRecord<?>>comparingLong(KeyedRecord::key).thenComparingLong(KeyedRecord::minor);

    /** A sort of keyed values holding at most {@code maxInMemory} of them, spilling to {@code tempDir} beyond. */
    public static <T> ExternalSort<KeyedRecord<T>> sort(RecordCodec<T> values, int maxInMemory, Path tempDir) {
        return new ExternalSort<>(codec(values), ORDER, maxInMemory, tempDir);
    }

    private static <T> RecordCodec<KeyedRecord<T>> codec(RecordCodec<T> values) {
        return new RecordCodec<>() {
            @Override
            public void write(DataOutput out, KeyedRecord<T> r) throws IOException {
                out.writeLong(r.key);
                out.writeLong(r.minor);
                values.write(out, r.value);
            }

            @Override
            public KeyedRecord<T> read(DataInput in) throws IOException {
                return new KeyedRecord<>(in.readLong(), in.readLong(), values.read(in));
            }
        };
    }
}
