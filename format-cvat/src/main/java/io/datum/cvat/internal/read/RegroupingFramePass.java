package io.datum.cvat.internal.read;

import io.datum.cvat.internal.sort.KeyedRecord;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.model.ImageSize;
import io.datum.support.stream.DatasetRecords;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Frames of a file that mentions frames out of order (a video's tracks, shape by shape). The
 * whole subset is read first: each record is keyed by its frame's rank of first mention and its
 * position in the file, and sorted by an {@link ExternalSort}, which holds a bounded number of
 * records and spills sorted runs to the job's temporary folder beyond that. Only the map from
 * frame to rank (one entry per frame, not per shape) stays in memory.
 */
final class RegroupingFramePass implements FramePass {
    private static final RecordCodec<FrameRecord> CODEC = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, FrameRecord r) throws IOException {
            RecordCodec.writeString(out, r.frame());
            if (r instanceof FrameRecord.AnnotationRecord a) {
                out.writeBoolean(true);
                DatasetRecords.annotations().write(out, a.annotation());
            } else {
                FrameRecord.ImageRecord i = (FrameRecord.ImageRecord) r;
                out.writeBoolean(false);
                RecordCodec.writeString(out, i.name());
                out.writeBoolean(i.size() != null);
                if (i.size() != null) {
                    out.writeInt(i.size().width());
                    out.writeInt(i.size().height());
                }
            }
        }

        @Override
        public FrameRecord read(DataInput in) throws IOException {
            String frame = RecordCodec.readString(in);
            if (in.readBoolean()) {
                return new FrameRecord.AnnotationRecord(null, frame, DatasetRecords.annotations().read(in));
            }
            String name = RecordCodec.readString(in);
            ImageSize size = in.readBoolean() ? new ImageSize(in.readInt(), in.readInt()) : null;
            return new FrameRecord.ImageRecord(null, frame, name, size);
        }
    };

    private final XmlCursor parser;
    private final BodyReader body;
    private final String subset;
    private final ExternalSort<KeyedRecord<FrameRecord>> sorter;
    private ExternalSort<KeyedRecord<FrameRecord>>.Cursor sorted;
    private KeyedRecord<FrameRecord> pending;

    RegroupingFramePass(XmlCursor parser, BodyReader body, String subset, Path tempDir, int maxInMemory) {
        this.parser = parser;
        this.body = body;
        this.subset = subset;
        this.sorter = KeyedRecord.sort(CODEC, maxInMemory, tempDir);
    }

    @Override
    public Group next() {
        if (sorted == null) {
            readAll();
        }
        if (pending == null) {
            if (!sorted.hasNext()) {
                return null;
            }
            pending = sorted.next();
        }
        GroupBuilder group = new GroupBuilder(pending.value().frame());
        long rank = pending.key();
        while (pending != null && pending.key() == rank) {
            group.add(pending.value());
            pending = sorted.hasNext() ? sorted.next() : null;
        }
        return group.build();
    }

    private void readAll() {
        Map<String, Long> ranks = new HashMap<>();
        boolean more = true;
        while (more) {
            more = body.step(r -> {
                if (CvatFile.accepts(r, subset)) {
                    Long rank = ranks.get(r.frame());
                    if (rank == null) {
                        rank = (long) ranks.size();
                        ranks.put(r.frame(), rank);
                    }
                    sorter.add(new KeyedRecord<>(rank, 0, r));
                }
            });
        }
        parser.close();
        sorter.finish();
        sorted = sorter.cursor();
    }

    @Override
    public void close() {
        parser.close();
        if (sorted != null) {
            sorted.close();
        }
        sorter.close();
    }
}
