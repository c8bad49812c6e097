package io.datum.openimages.internal.read;

import io.datum.openimages.internal.sort.RowSorter;
import io.datum.spi.DatasetException;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import io.datum.support.stream.Workers;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The positions of the items of a file whose rows are not in item order, when the items are
 * {@link DescribedIds} (no table from id to position): the file's ImageIDs, one per run of rows
 * with the same id, numbered in file order, are sorted by id (on disk when many), joined with the
 * description ids, which gives each run its position, and sorted back into run order. The rows,
 * read again in file order, then take their run's position ({@link #placement}) on their way into
 * the {@link RowSorter}. What is held in memory is two sort buffers (one sorted on another thread
 * while the other fills, {@link RunSorts}), whatever the number of items.
 */
final class RunPositions implements Closeable {
    /** An id and the number of its run (the form {@link RunSorts.ByIdRuns} writes). */
    record RunId(byte[] id, int run) {
    }

    static final Comparator<RunId> BY_ID = (a, b) -> {
        int c = Arrays.compareUnsigned(a.id, b.id);
        return c != 0 ? c : Integer.compare(a.run, b.run);
    };
    static final RecordCodec<RunId> RUN_ID = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, RunId value) throws IOException {
            out.writeInt(value.run);
            out.writeShort(value.id.length);
            out.write(value.id);
        }

        @Override
        public RunId read(DataInput in) throws IOException {
            int run = in.readInt();
            byte[] id = new byte[in.readUnsignedShort()];
            in.readFully(id);
            return new RunId(id, run);
        }
    };
    /** Records sorted in memory before a spill file is written: a few megabytes of ids. */
    private static final int RUN = 200_000;

    /** Per run, in run order: the run's number in the high half, its position in the low half. */
    private final ExternalSort<Long> byRun;

    private RunPositions(ExternalSort<Long> byRun) {
        this.byRun = byRun;
    }

    /**
     * The positions of {@code file}'s runs, or null when the quick scan cannot read it or it
     * names an item no description file lists (the caller then uses a table of every item).
     */
    static RunPositions of(Path file, String idColumn, DescribedIds ids, Path tempDir, Workers workers)
            throws IOException {
        ExternalSort<Long> byRun = new ExternalSort<>(RecordCodec.longs(), Comparator.naturalOrder(), RUN, tempDir);
        try (ExternalSort<RunId> byId = new ExternalSort<>(RUN_ID, BY_ID, RUN, tempDir);
             RunSorts.ByIdRuns idRuns = new RunSorts.ByIdRuns(byId, RUN, workers);
             RunSorts.LongRuns positions = new RunSorts.LongRuns(byRun, RUN, workers)) {
            int[] runs = {0};
            ImageIdScanner.Utf8IdSink sink = (utf8, from, to) -> {
                if (to - from > 0xFFFF) {
                    return false;
                }
                idRuns.add(utf8, from, to, runs[0]++);
                return true;
            };
            boolean scanned = ImageIdScanner.scan(file, idColumn, sink);
            if (!scanned) {
                byRun.close();
                return null;
            }
            idRuns.finish();
            byId.finish();
            try (DescribedIds.Join join = ids.join(); ExternalSort<RunId>.Cursor sorted = byId.cursor()) {
                while (sorted.hasNext()) {
                    RunId r = sorted.next();
                    int position = join.positionOf(r.id, 0, r.id.length);
                    if (position < 0) {
                        byRun.close();
                        return null;
                    }
                    positions.add((long) r.run << 32 | position);
                }
            }
            positions.finish();
            byRun.finish();
            return new RunPositions(byRun);
        } catch (IOException | RuntimeException e) {
            byRun.close();
            throw e;
        }
    }

    /** Places the rows of {@code file}, read again in file order, at their runs' positions. */
    RowOrdering.Placement placement(AnnotationFile file) throws IOException {
        ExternalSort<Long>.Cursor cursor = byRun.cursor();
        return new RowOrdering.Placement() {
            private byte[] previous = new byte[64];
            private int previousLength = -1;
            private int run = -1;
            private int position;

            @Override
            public void place(IdTable.Batch ids, AnnotationRow[] rows, RowSorter.FileRows sorted) throws IOException {
                for (int k = 0; k < ids.size(); k++) {
                    if (previousLength < 0 || !ids.idEquals(k, previous, previousLength)) {
                        run++;
                        if (!cursor.hasNext()) {
                            throw newItem(ids, k, rows);
                        }
                        long next = cursor.next();
                        if ((int) (next >>> 32) != run) {
                            throw newItem(ids, k, rows);
                        }
                        position = (int) next;
                        previousLength = ids.copyId(k, previous);
                        if (previousLength > previous.length) {
                            previous = new byte[previousLength * 2];
                            ids.copyId(k, previous);
                        }
                    }
                    sorted.add(position, rows[k]);
                }
            }

            private DatasetException newItem(IdTable.Batch ids, int k, AnnotationRow[] rows) {
                return DatasetException.at(file.name(), rows[k].line(), "item '" + ids.id(k)
                        + "' is new: the file changed after the dataset was opened");
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        byRun.close();
    }
}
