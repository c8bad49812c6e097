package io.datum.cvat.internal;

import io.datum.model.AttributeSpec;
import io.datum.model.LabelCategories;
import io.datum.spi.JobContext;
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
record CvatFile(Path path, String shownName, Path imagesDir, CvatMeta meta, Map<String, Boolean> subsets,
                Map<String, Long> frameCounts, Chunks chunks) {

    /** Positions of {@code <image>} tags, a few megabytes apart, in the file after its byte-order mark. */
    record Chunks(int mark, long[] starts) {
        static final Chunks NONE = new Chunks(0, new long[0]);
    }

    /** Chunks of about this many bytes: a few thousand images, so that a chunk read ahead stays small. */
    static final long CHUNK_BYTES = 4L << 20;

    /** Knows whether the frames of one subset have come in one stretch each so far. */
    private static final class FrameOrder {
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
            current = frame;
            frames++;
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
     * whole with the JDK's parser, record by record.
     */
    static CvatFile scan(Path path, String shownName, XmlLimits limits, long chunkBytes) throws IOException {
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
                chunks = skimFrames(scanner, orders, chunkBytes);
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

    /** Sees the frames of every {@code <image>}; returns where the file can be cut, or none. */
    private static Chunks skimFrames(Utf8XmlScanner scanner, Map<String, FrameOrder> orders, long chunkBytes) {
        List<Long> starts = new ArrayList<>();
        long last = 0;
        boolean cuttable = scanner.noNamespaces();
        String element;
        while ((element = scanner.skimTo(CvatNames.IMAGE, CvatNames.TRACK)) != null) {
            if (element.equals(CvatNames.TRACK)) {
                orders.values().forEach(FrameOrder::scatter);
                return Chunks.NONE;
            }
            String frame = scanner.attribute(CvatNames.ID);
            if (frame != null) {
                see(orders, scanner.attribute(CvatNames.SUBSET), frame);
            }
            long at = scanner.position();
            if (at - last >= chunkBytes) {
                starts.add(at);
                last = at;
            }
        }
        if (!cuttable || starts.isEmpty() || orders.values().stream().anyMatch(o -> !o.grouped())) {
            return Chunks.NONE;
        }
        return new Chunks(scanner.mark(), starts.stream().mapToLong(Long::longValue).toArray());
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

    /** This file's labels, with the reference's category-wide {@code occluded} attribute. */
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
    static String extension(String name) {
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
