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

    /** Knows whether the frames of one subset have come in one stretch each so far. */
    private static final class FrameOrder {
        private String first;
        private String current;
        private LongHashSet seen = new LongHashSet();
        /** Stretches so far: the number of frames while they are grouped. */
        private long frames;

        void see(String frame) {
            if (seen == null || frame.equals(current)) {
                return;
            }
            if (!seen.add(LongHashSet.hash(frame))) {
                seen = null;
            }
            if (first == null) {
                first = frame;
            }
            current = frame;
            frames++;
        }

        /** Takes in what {@code next} saw of the frames right after these, as if this one had seen them. */
        void append(FrameOrder next) {
            if (seen == null || next.frames == 0) {
                seen = next.seen == null ? null : seen;
                return;
            }
            if (next.seen == null) {
                seen = null;
                return;
            }
            // the first frame of the next part may go on with this part's last stretch
            boolean continues = next.first.equals(current);
            if (!seen.addAll(next.seen, continues, LongHashSet.hash(next.first))) {
                seen = null;
                return;
            }
            frames += next.frames - (continues ? 1 : 0);
            current = next.current;
        }

        /** Frames of this subset are not grouped (a track lists its frames again). */
        void scatter() {
            seen = null;
        }

        boolean grouped() {
            return seen != null;
        }
    }

    /**
     * Reads the file's meta and finds its subsets and their frame order. A UTF-8 file is only
     * skimmed for its {@code <image>} and {@code <track>} tags (a full read per pass checks the
     * rest; output is staged, so a late error loses nothing): without tracks, each subset's frames
     * are grouped unless an image id repeats; any track scatters them. Other encodings are read
     * whole with Aalto, record by record, and so are UTF-8 files when the library reader is chosen.
     */
    static CvatFile scan(Path path, String shownName, XmlLimits limits, long chunkBytes, Workers workers) throws IOException {
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
            for (String n : names) {
                orders.put(n, new FrameOrder());
            }
            Chunks chunks = Chunks.NONE;
            if (parser instanceof Utf8XmlScanner scanner) {
                chunks = skimFrames(path, scanner, orders, chunkBytes, shownName, limits, workers);
            } else {
                BodyReader body = new BodyReader(parser, meta, categories(meta), limits, e -> { });
                boolean more = true;
                while (more) {
                    more = body.step(r -> see(orders, r.subset(), r.frame()));
                }
            }
            Map<String, Boolean> subsets = new LinkedHashMap<>();
            Map<String, Long> frameCounts = new LinkedHashMap<>();
            orders.forEach((subset, order) -> {
                subsets.put(subset, order.grouped());
                if (order.grouped()) {
                    frameCounts.put(subset, order.frames);
                }
            });
            return new CvatFile(path, shownName, hasEntries(images) ? images : null, meta, subsets, frameCounts, chunks);
        }
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
     * Sees the frames of every {@code <image>}; returns where the file can be cut, or none.
     *
     * <p>A big file is skimmed in two halves at once. The second half's skim starts at a byte in
     * the middle, which may be inside a comment or CDATA section, so it is only used when its
     * first tag is the one the first half's skim, which knows where it is, reaches first past the
     * middle: from a tag on, a skim does the same whoever started it. Otherwise the first half's
     * skim goes on to the end, as for a small file.
     */
    private static Chunks skimFrames(Path path, Utf8XmlScanner scanner, Map<String, FrameOrder> orders, long chunkBytes,
                                     String shownName, XmlLimits limits, Workers workers) throws IOException {
        boolean cuttable = scanner.noNamespaces();
        Skim first = new Skim(orders, 0);
        long from = scanner.position();
        long end = Files.size(path) - scanner.mark();
        Skim second = null;
        try (Lanes half = cuttable && (end - from) / SPLIT_SKIM_CHUNKS >= chunkBytes ? workers.lanes(1) : workers.lanes(0)) {
            if (half.size() > 0) {
                long middle = from + (end - from) / 2;
                Skim s = second = new Skim(freshOrders(orders), middle);
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
        } else if (!first.track) {
            first.run(scanner, Long.MAX_VALUE, chunkBytes);
        }
        if (first.track) {
            orders.values().forEach(FrameOrder::scatter);
            return Chunks.NONE;
        }
        if (!cuttable || first.starts.isEmpty() || orders.values().stream().anyMatch(o -> !o.grouped())) {
            return Chunks.NONE;
        }
        return new Chunks(scanner.mark(), first.starts.stream().mapToLong(Long::longValue).toArray());
    }

    private static Map<String, FrameOrder> freshOrders(Map<String, FrameOrder> like) {
        Map<String, FrameOrder> orders = new LinkedHashMap<>();
        like.keySet().forEach(subset -> orders.put(subset, new FrameOrder()));
        return orders;
    }

    /** What a skim over a stretch of a file saw: each subset's frames, where to cut, whether a track came. */
    private static final class Skim {
        final Map<String, FrameOrder> orders;
        final List<Long> starts = new ArrayList<>();
        long last;
        boolean track;
        volatile boolean stop;
        boolean failed;
        /** The position of the first tag seen, and of the tag the skim stopped at (not taken in yet); -1: none. */
        long first = -1;
        long stoppedAt = -1;

        Skim(Map<String, FrameOrder> orders, long last) {
            this.orders = orders;
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
                    see(orders, scanner.attribute(CvatNames.SUBSET), frame);
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
            starts.addAll(next.starts);
            track = next.track;
            stoppedAt = -1;
        }
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
