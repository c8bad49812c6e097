package io.datum.openimages.internal.write;

import io.datum.model.ImageSize;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.read.ImageMetaFile;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The sizes {@code images.meta} will list: keyed by item id, the last size recorded for
 * an id wins, ids in first-recorded order. Collected through an external sort, because an export
 * may record millions.
 */
final class ImageMetaCollector implements Closeable {
    /** Records per run for the exporter's bookkeeping (ids and sizes): a few tens of MB of heap. */
    static final int BOOKKEEPING_RUN = 200_000;

    private record Entry(String id, long sequence, int width, int height) {
    }

    private static final RecordCodec<Entry> CODEC = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, Entry e) throws IOException {
            byte[] id = e.id.getBytes(StandardCharsets.UTF_8);
            out.writeInt(id.length);
            out.write(id);
            out.writeLong(e.sequence);
            out.writeInt(e.width);
            out.writeInt(e.height);
        }

        @Override
        public Entry read(DataInput in) throws IOException {
            byte[] id = new byte[in.readInt()];
            in.readFully(id);
            return new Entry(new String(id, StandardCharsets.UTF_8), in.readLong(), in.readInt(), in.readInt());
        }
    };

    private final ExternalSort<Entry> byId;
    private final ExternalSort<Entry> byFirstRecord;
    private long sequence;
    /**
     * The last id recorded, not yet sorted: its boxes and masks come together, so a run of
     * records of one id becomes one entry (its first sequence, its last size), which keeps the
     * sort to one entry per item instead of one per box.
     */
    private String pendingId;
    private long pendingSequence;
    private ImageSize pendingSize;

    ImageMetaCollector(int maxInMemory, Path tempParent) {
        byId = new ExternalSort<>(CODEC, Comparator.comparing(Entry::id).thenComparingLong(Entry::sequence),
                maxInMemory, tempParent);
        byFirstRecord = new ExternalSort<>(CODEC, Comparator.comparingLong(Entry::sequence), maxInMemory, tempParent);
    }

    void record(String id, ImageSize size) throws IOException {
        if (!id.equals(pendingId)) {
            addPending();
            pendingId = id;
            pendingSequence = sequence;
        }
        pendingSize = size;
        sequence++;
    }

    private void addPending() throws IOException {
        if (pendingId != null) {
            byId.add(new Entry(pendingId, pendingSequence, pendingSize.width(), pendingSize.height()));
            pendingId = null;
        }
    }

    boolean isEmpty() {
        return byId.size() == 0 && pendingId == null;
    }

    /** Writes the file (LF line ends); nothing when no size was recorded. */
    void writeTo(Path file) throws IOException {
        if (isEmpty()) {
            return;
        }
        addPending();
        byId.finish();
        try (ExternalSort<Entry>.Cursor entries = byId.cursor()) {
            Entry first = null;
            Entry last = null;
            while (entries.hasNext()) {
                Entry e = entries.next();
                if (first != null && !first.id.equals(e.id)) {
                    byFirstRecord.add(new Entry(first.id, first.sequence, last.width, last.height));
                    first = null;
                }
                if (first == null) {
                    first = e;
                }
                last = e;
            }
            byFirstRecord.add(new Entry(first.id, first.sequence, last.width, last.height));
        }
        byFirstRecord.finish();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             ExternalSort<Entry>.Cursor entries = byFirstRecord.cursor()) {
            out.write(OpenImagesPaths.IMAGE_META_HEADER + "\n\n");
            while (entries.hasNext()) {
                Entry e = entries.next();
                out.write(ImageMetaFile.line(e.id, new ImageSize(e.width, e.height)));
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            byId.close();
        } finally {
            byFirstRecord.close();
        }
    }
}
