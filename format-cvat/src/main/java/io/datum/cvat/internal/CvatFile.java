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
 */
record CvatFile(Path path, String shownName, Path imagesDir, CvatMeta meta, Map<String, Boolean> subsets,
                Map<String, Long> frameCounts) {

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

        boolean grouped() {
            return seen != null;
        }
    }

    /** Reads the whole file once: meta, every record (so that bad input fails here), frame order. */
    static CvatFile scan(Path path, String shownName, XmlLimits limits, JobContext context) throws IOException {
        String stem = stem(path.getFileName().toString());
        Path images = path.toAbsolutePath().getParent().resolve(CvatNames.IMAGES_DIR);
        try (SafeXml.Parser parser = SafeXml.open(path, shownName, limits)) {
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
            Map<String, Long> skipped = new LinkedHashMap<>();
            BodyReader body = new BodyReader(parser, meta, categories(meta), limits, e -> skipped.merge(e, 1L, Long::sum));
            boolean more = true;
            while (more) {
                more = body.step(r -> orders.forEach((subset, order) -> {
                    if (accepts(r, subset)) {
                        order.see(r.frame());
                    }
                }));
            }
            skipped.forEach((element, count) -> {
                String message = shownName + (CvatNames.SKELETON.equals(element)
                        ? ": <skeleton> is read as separate <points> of its nodes"
                        : ": <" + element + "> shapes are not supported by the CVAT format; skipped");
                for (long i = 0; i < count; i++) {
                    context.warn(message);
                }
            });
            Map<String, Boolean> subsets = new LinkedHashMap<>();
            Map<String, Long> frameCounts = new LinkedHashMap<>();
            orders.forEach((subset, order) -> {
                subsets.put(subset, order.grouped());
                if (order.grouped()) {
                    frameCounts.put(subset, order.frames);
                }
            });
            return new CvatFile(path, shownName, Files.isDirectory(images) ? images : null, meta, subsets, frameCounts);
        }
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
