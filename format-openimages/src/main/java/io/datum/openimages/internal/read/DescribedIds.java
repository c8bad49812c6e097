package io.datum.openimages.internal.read;

import io.datum.openimages.internal.sort.FileRowStream;
import io.datum.spi.DatasetException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids and subsets of the items the description files list, in position order, kept in a
 * temporary file rather than on the heap.
 *
 * <p>Used when each description file lists its ids in increasing order (of their UTF-8 bytes),
 * as Google's do: each file is then a sorted segment of positions, and an ImageID finds its
 * position by a cursor per segment that goes to the block of 1024 ids that can hold it and reads
 * on ({@link Join}): ids asked in order read each segment about once, with no table of ids (the
 * heap keeps the first id of each block, a thousandth of them). A pass reads the ids and subsets
 * of its positions with a {@link Cursor}.
 *
 * <p>A record: the subset's code and the id's length (unsigned varints), then the id's bytes.
 */
final class DescribedIds implements Closeable {
    /** {@link Join#positionOf}: no description file lists the id. */
    static final int NOT_DESCRIBED = -1;
    /** {@link #add}: the id is not greater than the one before it. */
    static final int OUT_OF_ORDER = -2;
    private static final int BUFFER = 1 << 16;
    /** Every this many items of a segment, its id and place are kept: where a join starts looking. */
    private static final int BLOCK = 1024;
    /** How far a join walks on before it searches the blocks: Google's boxes name about one described item in five. */
    private static final int NEAR_ITEMS = 16;

    private final Path file;
    private final OutputStream out;
    /** Per segment: where its records start in the file, and its first position. */
    private final List<Long> segmentOffsets = new ArrayList<>();
    private final List<Integer> segmentFirst = new ArrayList<>();
    /** Per segment, per block of {@link #BLOCK} items: the first id and where its record starts. */
    private final List<List<byte[]>> blockIds = new ArrayList<>();
    private final List<long[]> blockOffsets = new ArrayList<>();
    /** Per segment: its last (greatest) id, or null when it is empty. */
    private final List<byte[]> segmentLast = new ArrayList<>();
    private final List<String> subsetNames = new ArrayList<>();
    private long[] subsetCounts = new long[4];
    private byte[] lastId = new byte[64];
    private int lastLength = -1;
    private long written;
    private int size;

    private DescribedIds(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    }

    /** An empty list, written to a new temporary file in {@code tempDir}. */
    static DescribedIds create(Path tempDir) throws IOException {
        return new DescribedIds(tempFile(tempDir, "described-ids"));
    }

    /** A new temporary file in {@code tempDir}, or in the system's temporary folder when null. */
    static Path tempFile(Path tempDir, String prefix) throws IOException {
        return tempDir == null ? Files.createTempFile(prefix, ".bin") : Files.createTempFile(tempDir, prefix, ".bin");
    }

    /** Starts the segment of the next description file. */
    void startSegment() {
        endSegment();
        segmentOffsets.add(written);
        segmentFirst.add(size);
        blockIds.add(new ArrayList<>());
        blockOffsets.add(new long[16]);
        lastLength = -1;
    }

    /**
     * Adds the id spelled by the UTF-8 bytes {@code id[from, to)} at the next position; returns
     * it, or {@link #OUT_OF_ORDER} (and adds nothing) when the id is not greater than the one
     * before it in the segment.
     */
    int add(byte[] id, int from, int to, String subset) throws IOException {
        int length = to - from;
        if (lastLength >= 0 && Arrays.compareUnsigned(id, from, to, lastId, 0, lastLength) <= 0) {
            return OUT_OF_ORDER;
        }
        if (lastId.length < length) {
            lastId = new byte[length * 2];
        }
        System.arraycopy(id, from, lastId, 0, length);
        lastLength = length;
        int code = subsetNames.indexOf(subset);
        if (code < 0) {
            code = subsetNames.size();
            subsetNames.add(subset);
            if (code == subsetCounts.length) {
                subsetCounts = Arrays.copyOf(subsetCounts, code * 2);
            }
        }
        subsetCounts[code]++;
        int segment = segmentFirst.size() - 1;
        if ((size - segmentFirst.get(segment)) % BLOCK == 0) {
            List<byte[]> ids = blockIds.get(segment);
            long[] offsets = blockOffsets.get(segment);
            if (ids.size() == offsets.length) {
                blockOffsets.set(segment, offsets = Arrays.copyOf(offsets, offsets.length * 2));
            }
            offsets[ids.size()] = written;
            ids.add(Arrays.copyOfRange(id, from, to));
        }
        written += writeVarint(code) + writeVarint(length) + length;
        out.write(id, from, length);
        if (size == Integer.MAX_VALUE - 1) {
            throw new DatasetException("too many items (more than " + (Integer.MAX_VALUE - 1) + ")");
        }
        return size++;
    }

    /** Ends writing; cursors and joins may be opened afterwards. */
    void finishWriting() throws IOException {
        endSegment();
        out.close();
    }

    private void endSegment() {
        if (segmentLast.size() < segmentFirst.size()) {
            segmentLast.add(lastLength < 0 ? null : Arrays.copyOf(lastId, lastLength));
        }
    }

    int size() {
        return size;
    }

    /** The number of items of each subset, in order of first appearance. */
    Map<String, Long> subsetSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int code = 0; code < subsetNames.size(); code++) {
            sizes.put(subsetNames.get(code), subsetCounts[code]);
        }
        return Collections.unmodifiableMap(sizes);
    }

    /** The segment (description file) that holds {@code position}. */
    int segmentOf(int position) {
        int s = segmentFirst.size() - 1;
        while (s > 0 && segmentFirst.get(s) > position) {
            s--;
        }
        return s;
    }

    int segments() {
        return segmentFirst.size();
    }

    /** Whether no id is listed by two description files (each file's ids are distinct, being increasing). */
    boolean distinct() throws IOException {
        if (segments() < 2) {
            return true;
        }
        try (Join all = new Join()) {
            Cursor[] cursors = new Cursor[segments()];
            for (int s = 0; s < cursors.length; s++) {
                cursors[s] = all.cursor(s);
            }
            // a merge of the segments: an id equal to the smallest of another segment is repeated
            while (true) {
                int smallest = -1;
                for (int s = 0; s < cursors.length; s++) {
                    if (all.ended[s]) {
                        continue;
                    }
                    if (smallest >= 0) {
                        int c = cursors[s].compareTo(cursors[smallest].id, 0, cursors[smallest].idLength);
                        if (c == 0) {
                            return false;
                        }
                        if (c > 0) {
                            continue;
                        }
                    }
                    smallest = s;
                }
                if (smallest < 0) {
                    return true;
                }
                all.ended[smallest] = !cursors[smallest].next();
            }
        }
    }

    /** Every item in position order. */
    Cursor cursor() throws IOException {
        return new Cursor(0, 0, size);
    }

    /** Finds positions of ids; see {@link Join#positionOf}. */
    Join join() {
        return new Join();
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private int writeVarint(int value) throws IOException {
        int bytes = 1;
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
            bytes++;
        }
        out.write(value);
        return bytes;
    }

    /** The items from one position to another, one at a time. */
    final class Cursor implements Closeable {
        private InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int limit;
        private final int end;
        private int position;
        private byte[] id = new byte[64];
        private int idLength;
        private int subset;

        private Cursor(long offset, int first, int end) throws IOException {
            this.end = end;
            seek(offset, first);
        }

        /** Goes to the record at {@code offset}, that of {@code first}: the next {@link #next} reads it. */
        private void seek(long offset, int first) throws IOException {
            if (in != null) {
                in.close();
            }
            in = Files.newInputStream(file);
            in.skipNBytes(offset);
            pos = 0;
            limit = 0;
            position = first - 1;
        }

        /** Moves to the next item; false past the last. */
        boolean next() throws IOException {
            if (position + 1 >= end) {
                position = end;
                return false;
            }
            subset = readVarint();
            idLength = readVarint();
            if (id.length < idLength) {
                id = new byte[idLength * 2];
            }
            for (int done = 0; done < idLength; ) {
                if (pos == limit) {
                    fill();
                }
                int n = Math.min(idLength - done, limit - pos);
                System.arraycopy(buf, pos, id, done, n);
                pos += n;
                done += n;
            }
            position++;
            return true;
        }

        int position() {
            return position;
        }

        String id() {
            return new String(id, 0, idLength, java.nio.charset.StandardCharsets.UTF_8);
        }

        String subset() {
            return subsetNames.get(subset);
        }

        /** Compares the current id with the UTF-8 bytes {@code key[from, to)}, unsigned byte by byte. */
        int compareTo(byte[] key, int from, int to) {
            return Arrays.compareUnsigned(id, 0, idLength, key, from, to);
        }

        private int readVarint() throws IOException {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                if (pos == limit) {
                    fill();
                }
                int b = buf[pos++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        private void fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                throw new IOException("temporary file of item ids ended early: " + file);
            }
            pos = 0;
            limit = n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Turns ids into positions, one cursor per segment: the blocks' first ids tell which block of
     * a segment can hold an id, and its cursor goes there (forward by reading on, back by opening
     * the file again) and reads on to the id. Ids asked in increasing order within each segment
     * (the segments may take turns) read each segment about once.
     */
    final class Join implements Closeable, FileRowStream.Positions {
        private final Cursor[] cursors = new Cursor[segmentFirst.size()];
        /** Per segment: whether its cursor is on an item (not past the segment's last). */
        private final boolean[] valid = new boolean[segmentFirst.size()];
        private final boolean[] ended = new boolean[segmentFirst.size()];
        /** The segment of the last id found: asked first. */
        private int lastSegment;

        private Join() {
        }

        /** The position of the reader's current ImageID, or {@link #NOT_DESCRIBED} (which is -1). */
        @Override
        public int positionOf(AnnotationRowReader reader, int next) throws IOException {
            return positionOf(reader.imageIdBytes(), 0, reader.imageIdLength());
        }

        /** The position of the id spelled by {@code key[from, to)}, or {@link #NOT_DESCRIBED}. */
        int positionOf(byte[] key, int from, int to) throws IOException {
            int segments = cursors.length;
            for (int k = 0; k < segments; k++) {
                int s = (lastSegment + k) % segments;
                int position = positionIn(s, key, from, to);
                if (position >= 0) {
                    lastSegment = s;
                    return position;
                }
            }
            return NOT_DESCRIBED;
        }

        private int positionIn(int s, byte[] key, int from, int to) throws IOException {
            Cursor near = cursors[s];
            if (near != null && valid[s]) {
                // A file in item order names the item of the row before or one a few items on:
                // walked to, without a search of the blocks (which cost a dozen comparisons a row).
                int order = near.compareTo(key, from, to);
                for (int step = 0; order < 0 && step < NEAR_ITEMS; step++) {
                    valid[s] = near.next();
                    if (!valid[s]) {
                        break;
                    }
                    order = near.compareTo(key, from, to);
                }
                if (valid[s] && order == 0) {
                    return near.position();
                }
            }
            List<byte[]> ids = blockIds.get(s);
            int lo = 0;
            int hi = ids.size() - 1;
            int block = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (Arrays.compareUnsigned(ids.get(mid), 0, ids.get(mid).length, key, from, to) <= 0) {
                    block = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            byte[] last = segmentLast.get(s);
            if (block < 0 || Arrays.compareUnsigned(last, 0, last.length, key, from, to) < 0) {
                return NOT_DESCRIBED; // before the segment's first id or after its last
            }
            int first = segmentFirst.get(s);
            int blockStart = first + block * BLOCK;
            Cursor c = cursor(s);
            boolean ahead = valid[s] ? c.position() > blockStart && c.compareTo(key, from, to) > 0 : true;
            if (ahead || c.position() < blockStart) {
                // the cursor is past the id, or before its block: go to the block's start
                c.seek(blockOffsets.get(s)[block], blockStart);
                valid[s] = c.next();
            }
            while (valid[s] && c.compareTo(key, from, to) < 0) {
                valid[s] = c.next();
            }
            return valid[s] && c.compareTo(key, from, to) == 0 ? c.position() : NOT_DESCRIBED;
        }

        private Cursor cursor(int s) throws IOException {
            if (cursors[s] == null) {
                int end = s + 1 < segmentFirst.size() ? segmentFirst.get(s + 1) : size;
                cursors[s] = new Cursor(segmentOffsets.get(s), segmentFirst.get(s), end);
                valid[s] = cursors[s].next();
                ended[s] = !valid[s];
            }
            return cursors[s];
        }

        @Override
        public void close() throws IOException {
            for (Cursor c : cursors) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }
}
