package io.datum.cvat.internal.read;

import io.datum.collections.LongHashSet;
import io.datum.cvat.internal.CvatMeta;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.Utf8XmlScanner;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.AttributeSpec;
import io.datum.model.LabelCategories;
import io.datum.spi.JobContext;
import io.datum.support.stream.Lanes;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CVAT XML file of a dataset, after a first full read that checks all of it: its
 * {@code <meta>}, the subsets it gives, and for each subset whether its frames come grouped
 * (every frame's records in one stretch, as in a CVAT-for-images file) or scattered (tracks
 * list a video's shapes track by track), which decides how items are assembled.
 *
 * @param path      the file
 * @param shownName its name in messages (relative to the dataset)
 * @param imagesDir the {@code images} folder next to it, or null
 * @param meta      its meta block
 * @param subsets   subset name → true when its frames are grouped
 * @param frameCounts subset name → its number of frames (its items), for the subsets whose frames are grouped
 * @param chunks      where the file can be cut to be read by several threads (see {@link ChunkedFramePass}); none
 *                    when its frames are not grouped or it is small
 */
public record CvatFile(Path path, String shownName, Path imagesDir, CvatMeta meta, Map<String, Boolean> subsets,
                Map<String, Long> frameCounts, Chunks chunks) {

    /** Positions of {@code <image>} tags, a few megabytes apart, in the file after its byte-order mark. */
    record Chunks(int mark, long[] starts) {
        static final Chunks NONE = new Chunks(0, new long[0]);
    }

    /** Chunks of about this many bytes: a few thousand images, so that a chunk read ahead stays small. */
    static final long CHUNK_BYTES = 4L << 20;

    /**
     * Reads the file's meta and finds its subsets and their frame order. A UTF-8 file is only
     * skimmed for its {@code <image>} and {@code <track>} tags (a full read per pass checks the
     * rest; output is staged, so a late error loses nothing): without tracks, each subset's frames
     * are grouped unless an image id repeats; any track scatters them. Other encodings are read
     * whole with Aalto, record by record, and so are UTF-8 files when the library reader is chosen.
     *
     * <p>The ids the file's images give its subsets go to {@code ids}; a subset with a track is
     * {@link ItemIds#unknown unknown} there.
     */
    static CvatFile scan(Path path, String shownName, XmlLimits limits, long chunkBytes, Workers workers) throws IOException {
        try (ItemIds ids = new ItemIds(null)) {
            return scan(path, shownName, limits, chunkBytes, workers, ids);
        }
    }

    /** {@link #scan(Path, String, XmlLimits, long, Workers)}, telling {@code ids} the item ids of the file's images. */
    static CvatFile scan(Path path, String shownName, XmlLimits limits, long chunkBytes, Workers workers, ItemIds ids)
            throws IOException {
        String stem = stem(path.getFileName().toString());
        Path images = path.toAbsolutePath().getParent().resolve(CvatNames.IMAGES_DIR);
        try (XmlCursor parser = SafeXml.open(path, shownName, limits)) {
            CvatMeta meta = MetaReader.read(parser, limits);
            List<String> names = new ArrayList<>();
            if (meta.kind() == CvatMeta.Kind.PROJECT) {
                for (String s : meta.subsets()) {
                    String name = s.isEmpty() ? stem : s;
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            } else {
                names.add(stem);
            }
            Map<String, FrameOrder> orders = new LinkedHashMap<>();
            Map<String, ItemIds.Hashes> hashes = new LinkedHashMap<>();
            for (String n : names) {
                orders.put(n, new FrameOrder());
                hashes.put(n, ids.of(n));
            }
            Chunks chunks = Chunks.NONE;
            boolean track;
            if (parser instanceof Utf8XmlScanner scanner) {
                Skim skim = skimFrames(path, scanner, orders, hashes, chunkBytes, shownName, limits, workers, ids);
                track = skim.track;
                chunks = skim.chunks(scanner);
            } else {
                track = readFrames(parser, meta, limits, orders, hashes);
            }
            if (track) {
                names.forEach(ids::unknown);
            }
            Map<String, Boolean> subsets = new LinkedHashMap<>();
            Map<String, Long> frameCounts = new LinkedHashMap<>();
            orders.forEach((subset, order) -> {
                subsets.put(subset, order.grouped());
                if (order.grouped()) {
                    frameCounts.put(subset, order.frames());
                }
            });
            return new CvatFile(path, shownName, hasEntries(images) ? images : null, meta, subsets, frameCounts, chunks);
        }
    }

    /**
     * Reads the whole body record by record, for the frames and item ids; true when a track came
     * (an item of a track's frame may have no image to give its id).
     */
    private static boolean readFrames(XmlCursor parser, CvatMeta meta, XmlLimits limits, Map<String, FrameOrder> orders,
                                      Map<String, ItemIds.Hashes> hashes) {
        BodyReader body = new BodyReader(parser, meta, categories(meta), limits, e -> { });
        boolean[] track = {false};
        boolean more = true;
        while (more) {
            more = body.step(r -> {
                see(orders, r.subset(), r.frame());
                if (r instanceof FrameRecord.ImageRecord image) {
                    seeName(hashes, r.subset(), image.name());
                } else if (((FrameRecord.AnnotationRecord) r).annotation().attributes().has(CvatNames.TRACK_ID)) {
                    track[0] = true;
                }
            });
        }
        return track[0];
    }

    /** Whether {@code folder} exists and holds anything: an empty one spares a lookup per item. */
    private static boolean hasEntries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return entries.iterator().hasNext();
        }
    }

    /** Files of at least this many chunks (64 MB) are skimmed by two threads, one from the middle (see {@link #skimFrames}). */
    static final long SPLIT_SKIM_CHUNKS = 16;

    /**
     * Sees the frames and names of every {@code <image>}; returns the skim of the whole file.
     *
     * <p>A big file is skimmed in two halves at once. The second half's skim starts at a byte in
     * the middle, which may be inside a comment or CDATA section, so it is only used when its
     * first tag is the one the first half's skim, which knows where it is, reaches first past the
     * middle: from a tag on, a skim does the same whoever started it. Otherwise the first half's
     * skim goes on to the end, as for a small file, and the second half's item ids are dropped.
     */
    private static Skim skimFrames(Path path, Utf8XmlScanner scanner, Map<String, FrameOrder> orders,
                                   Map<String, ItemIds.Hashes> hashes, long chunkBytes, String shownName, XmlLimits limits,
                                   Workers workers, ItemIds ids) throws IOException {
        boolean cuttable = scanner.noNamespaces();
        Skim first = new Skim(orders, hashes, 0);
        long from = scanner.position();
        long end = Files.size(path) - scanner.mark();
        Skim second = null;
        try {
            try (Lanes half = cuttable && (end - from) / SPLIT_SKIM_CHUNKS >= chunkBytes ? workers.lanes(1)
                    : workers.lanes(0)) {
                if (half.size() > 0) {
                    long middle = from + (end - from) / 2;
                    Map<String, FrameOrder> secondOrders = new LinkedHashMap<>();
                    Map<String, ItemIds.Hashes> secondHashes = new LinkedHashMap<>();
                    orders.keySet().forEach(subset -> {
                        secondOrders.put(subset, new FrameOrder());
                        secondHashes.put(subset, ids.detached());
                    });
                    Skim s = second = new Skim(secondOrders, secondHashes, middle);
                    half.execute("datum-cvat-skim", () -> {
                        try (Utf8XmlScanner rest = Utf8XmlScanner.chunk(path, scanner.mark(), middle, CvatNames.ANNOTATIONS,
                                shownName, limits)) {
                            s.run(rest, Long.MAX_VALUE, chunkBytes);
                        } catch (IOException | RuntimeException e) {
                            s.failed = true;  // the first half's skim goes on instead, and meets any real error itself
                        }
                    });
                    first.run(scanner, middle, chunkBytes);
                    if (first.track) {
                        second.stop = true;  // a track: frames are scattered whatever the rest says
                    }
                }
            }
            // the second half's skim has ended (closing the lanes waited for it)
            boolean joined = second != null && !first.track && !second.failed && second.first == first.stoppedAt;
            if (joined) {
                first.append(second);
                second = null;
            } else if (!first.track) {
                first.run(scanner, Long.MAX_VALUE, chunkBytes);
            }
        } finally {
            if (second != null) {
                second.hashes.values().forEach(ItemIds.Hashes::close);
            }
        }
        if (first.track) {
            orders.values().forEach(FrameOrder::scatter);
        }
        first.cuttable = cuttable;
        return first;
    }

    /** What a skim over a stretch of a file saw: each subset's frames and item ids, where to cut, whether a track came. */
    private static final class Skim {
        final Map<String, FrameOrder> orders;
        final Map<String, ItemIds.Hashes> hashes;
        final List<Long> starts = new ArrayList<>();
        long last;
        boolean track;
        volatile boolean stop;
        boolean failed;
        boolean cuttable;
        /** The position of the first tag seen, and of the tag the skim stopped at (not taken in yet); -1: none. */
        long first = -1;
        long stoppedAt = -1;

        Skim(Map<String, FrameOrder> orders, Map<String, ItemIds.Hashes> hashes, long last) {
            this.orders = orders;
            this.hashes = hashes;
            this.last = last;
        }

        /**
         * Skims on to the end of the file, or to the first tag at or past {@code limit}, or to a
         * track. When it stopped at a tag before, that tag is taken in first.
         */
        void run(Utf8XmlScanner scanner, long limit, long chunkBytes) {
            String element = stoppedAt >= 0 ? scanner.name() : scanner.skimTo(CvatNames.IMAGE, CvatNames.TRACK);
            stoppedAt = -1;
            while (element != null && !stop) {
                long at = scanner.position();
                if (first < 0) {
                    first = at;
                }
                if (at >= limit) {
                    stoppedAt = at;
                    return;
                }
                if (element.equals(CvatNames.TRACK)) {
                    track = true;
                    return;
                }
                String frame = scanner.attribute(CvatNames.ID);
                if (frame != null) {
                    String subset = scanner.attribute(CvatNames.SUBSET);
                    see(orders, subset, frame);
                    seeName(hashes, subset, scanner.attribute(CvatNames.NAME));
                }
                if (at - last >= chunkBytes) {
                    starts.add(at);
                    last = at;
                }
                element = scanner.skimTo(CvatNames.IMAGE, CvatNames.TRACK);
            }
        }

        /** Takes in the skim of the rest of the file, which started where this one stopped. */
        void append(Skim next) {
            orders.forEach((subset, order) -> order.append(next.orders.get(subset)));
            hashes.forEach((subset, h) -> h.addAll(next.hashes.get(subset)));
            starts.addAll(next.starts);
            track = next.track;
            stoppedAt = -1;
        }

        /** Where the whole file can be cut: none when it cannot be, or when some subset's frames are not grouped. */
        Chunks chunks(Utf8XmlScanner scanner) {
            if (track || !cuttable || starts.isEmpty() || orders.values().stream().anyMatch(o -> !o.grouped())) {
                return Chunks.NONE;
            }
            return new Chunks(scanner.mark(), starts.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** The item id an image named {@code name} gives in {@code subset} (null: every subset of the file). */
    private static void seeName(Map<String, ItemIds.Hashes> hashes, String subset, String name) {
        if (name == null) {
            return;  // an error for the full read
        }
        long hash = LongHashSet.hash(itemId(name));
        hashes.forEach((s, h) -> {
            if (subset == null || subset.equals(s)) {
                h.add(hash);
            }
        });
    }

    /** The id of the item an image named {@code name} gives: the name without its extension. */
    static String itemId(String name) {
        return name.substring(0, name.length() - extension(name).length());
    }

    /** A record of {@code frame} in {@code subset} (null: every subset of the file). */
    private static void see(Map<String, FrameOrder> orders, String subset, String frame) {
        orders.forEach((name, order) -> {
            if (subset == null || subset.equals(name)) {
                order.see(frame);
            }
        });
    }

    /** Whether a record belongs to a subset: it has no subset of its own, or the same one. */
    static boolean accepts(FrameRecord r, String subset) {
        return r.subset() == null || r.subset().equals(subset);
    }

    /** This file's labels, with Datumaro's category-wide {@code occluded} attribute. */
    static LabelCategories categories(CvatMeta meta) {
        return new LabelCategories(meta.labels(), List.of(AttributeSpec.named(CvatNames.OCCLUDED)));
    }

    /** The file name without its last extension, as Python's {@code splitext}. */
    static String stem(String fileName) {
        return fileName.substring(0, fileName.length() - extension(fileName).length());
    }

    /**
     * Python's {@code os.path.splitext(name)[1]}: the last extension of the last path segment,
     * dot included; leading dots of the segment do not start an extension ({@code .jpg} has none).
     */
    public static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return "";
        }
        for (int i = slash + 1; i < dot; i++) {
            if (name.charAt(i) != '.') {
                return name.substring(dot);
            }
        }
        return "";
    }
}
