package io.datum.benchmarks;

import io.datum.openimages.internal.read.IdTable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finding an Open Images item by its ImageID (16 hex digits) as the annotation files name it: the
 * open_images importer's {@code IdTable} (ids as UTF-8 bytes in one array, looked up from the CSV
 * buffer without a String) against a HashMap from String to Integer (a String made from the
 * bytes, then looked up). The ids are looked up in the table's order (a sorted file: the table
 * is given the last ordinal as a hint) and in random order (a file in no order). One operation
 * is one lookup.
 */
@OperationsPerInvocation(IdLookup.LOOKUPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IdLookup extends NanosecondsPerOperation {
    static final int LOOKUPS = 1 << 18;
    private static final int ID_BYTES = 16;

    /** Ids in the table: a validation-sized and a train-sized share of Google's 9 million. */
    @Param({"100000", "2000000"})
    public int ids;

    IdTable table;
    Map<String, Integer> map;
    /** Every id's 16 ASCII bytes, id i at {@code i * 16}: what a CSV buffer holds. */
    byte[] keys;
    /** The ids looked up, by ordinal: ascending with small gaps, and shuffled. */
    int[] sorted;
    int[] shuffled;

    @Setup
    public void setUp() {
        String[] all = SyntheticData.imageIds(ids, 31);
        table = new IdTable();
        map = new HashMap<>();
        keys = new byte[ids * ID_BYTES];
        for (int i = 0; i < ids; i++) {
            table.add(all[i]);
            map.put(all[i], i);
            System.arraycopy(all[i].getBytes(StandardCharsets.US_ASCII), 0, keys, i * ID_BYTES, ID_BYTES);
        }
        SplittableRandom random = new SplittableRandom(7);
        sorted = new int[LOOKUPS];
        shuffled = new int[LOOKUPS];
        int ordinal = 0;
        for (int k = 0; k < LOOKUPS; k++) {
            // an image's rows come together: the same id a few times, then a later one
            ordinal = random.nextInt(4) != 0 ? ordinal : (ordinal + 1 + random.nextInt(3)) % ids;
            sorted[k] = ordinal;
            shuffled[k] = random.nextInt(ids);
        }
    }

    @Benchmark
    public long idTableSortedWithHint() {
        long sum = 0;
        int hint = -1;
        for (int ordinal : sorted) {
            int found = table.get(keys, ordinal * ID_BYTES, ordinal * ID_BYTES + ID_BYTES, hint);
            hint = found;
            sum += found;
        }
        return sum;
    }

    @Benchmark
    public long hashMapSorted() {
        return hashMap(sorted);
    }

    @Benchmark
    public long idTableShuffled() {
        long sum = 0;
        for (int ordinal : shuffled) {
            sum += table.get(keys, ordinal * ID_BYTES, ordinal * ID_BYTES + ID_BYTES);
        }
        return sum;
    }

    /** The table's batched lookup ({@code getAll}), which overlaps the cache misses of a batch. */
    @Benchmark
    public long idTableShuffledInBatches() {
        IdTable.Batch batch = new IdTable.Batch(256);
        long sum = 0;
        for (int k = 0; k < shuffled.length; k++) {
            int ordinal = shuffled[k];
            batch.add(keys, ordinal * ID_BYTES, ordinal * ID_BYTES + ID_BYTES);
            if (batch.isFull() || k == shuffled.length - 1) {
                table.getAll(batch);
                for (int b = 0; b < batch.size(); b++) {
                    sum += batch.ordinal(b);
                }
                batch.clear();
            }
        }
        return sum;
    }

    @Benchmark
    public long hashMapShuffled() {
        return hashMap(shuffled);
    }

    private long hashMap(int[] order) {
        long sum = 0;
        for (int ordinal : order) {
            Integer found = map.get(new String(keys, ordinal * ID_BYTES, ID_BYTES, StandardCharsets.UTF_8));
            sum += found == null ? -1 : found;
        }
        return sum;
    }
}
