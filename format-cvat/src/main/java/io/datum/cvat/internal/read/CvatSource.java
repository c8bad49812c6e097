package io.datum.cvat.internal.read;

import io.datum.collections.LongHashSet;
import io.datum.cvat.internal.CvatMeta;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.DatasetExceptions;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.Utf8XmlScanner;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.files.FolderPaths;
import io.datum.model.Attributes;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.spi.AbstractItemCursor;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A CVAT dataset: its files were read once by {@link CvatFile#scan}; every pass reads them again,
 * subset by subset (file order, then the order of a project's {@code <subset>} elements), and
 * holds at most one frame, or the bounded buffer of a {@link RegroupingFramePass}.
 *
 * <p>An image file that is not there is not an error (docs/differences.md, D5): the item keeps its name,
 * its size from the XML, and no media; one warning counts such items (given by the first pass
 * only, since exporters read a source twice).
 */
final class CvatSource implements DatasetSource {
    static final String WARN_NO_IMAGE = "image file not found, items kept without media";
    static final String WARN_SKELETON = "<skeleton> is read as separate <points> of its nodes";
    static final String WARN_UNSUPPORTED_SHAPE = "shapes the CVAT format does not support, skipped";

    private record Unit(CvatFile file, String subset) {
    }

    private final List<Unit> units = new ArrayList<>();
    private final Categories categories;
    /** The labels as the readers of every pass look them up. */
    private final BodyReader.Labels labels;
    private final XmlLimits limits;
    private final JobContext context;
    private final int maxInMemory;
    /** Subset → the hashes of the ids that may repeat there (see {@link ItemIds}); absent: any id may. */
    private final Map<String, LongHashSet> repeatedIds;
    private final AtomicBoolean firstPass = new AtomicBoolean(true);
    private final Set<Cursor> openCursors = ConcurrentHashMap.newKeySet();

    /** The dataset folder: image files are read only when they really are inside it (links included). */
    private final FolderPaths inputPaths;

    CvatSource(List<CvatFile> files, Categories categories, XmlLimits limits, JobContext context, int maxInMemory,
               FolderPaths inputPaths, Map<String, LongHashSet> repeatedIds) {
        this.inputPaths = inputPaths;
        this.repeatedIds = repeatedIds;
        for (CvatFile f : files) {
            for (String subset : f.subsets().keySet()) {
                units.add(new Unit(f, subset));
            }
        }
        this.categories = categories;
        this.labels = new BodyReader.Labels(categories.labels());
        this.limits = limits;
        this.context = context;
        this.maxInMemory = maxInMemory;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    /** Known from the open-time read when every subset's frames are grouped (one item per frame). */
    @Override
    public Optional<Map<String, Long>> subsetSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Unit u : units) {
            Long frames = u.file.frameCounts().get(u.subset);
            if (frames == null) {
                return Optional.empty();
            }
            if (frames > 0) {
                sizes.merge(u.subset, frames, Long::sum);
            }
        }
        return Optional.of(sizes);
    }

    @Override
    public OptionalLong itemCount() {
        return subsetSizes().map(s -> OptionalLong.of(s.values().stream().mapToLong(Long::longValue).sum()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public ItemCursor items() {
        Cursor cursor = new Cursor(firstPass.getAndSet(false));
        openCursors.add(cursor);
        return cursor;
    }

    /** Closes passes their callers left open, so that no spill file outlives the source. */
    @Override
    public void close() {
        for (Cursor c : List.copyOf(openCursors)) {
            c.close();
        }
    }

    private final class Cursor extends AbstractItemCursor {
        private final boolean warn;
        private final Iterator<Unit> remaining = units.iterator();
        private final Map<String, LongHashSet> idsBySubset = new HashMap<>();
        private final Set<CvatFile> warnedFiles = new HashSet<>();
        private final Map<String, Long> skipped = new LinkedHashMap<>();
        private Unit unit;
        private FramePass pass;

        Cursor(boolean warn) {
            this.warn = warn;
        }

        @Override
        protected DatasetItem computeNext() {
            try {
                while (true) {
                    if (pass == null) {
                        if (!remaining.hasNext()) {
                            return null;
                        }
                        unit = remaining.next();
                        pass = open(unit);
                    }
                    FramePass.Group group = pass.next();
                    if (group == null) {
                        pass.close();
                        pass = null;
                        warnSkipped(unit.file);
                    } else {
                        return item(unit, group);
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private FramePass open(Unit u) {
            XmlCursor parser;
            try {
                parser = SafeXml.open(u.file.path(), u.file.shownName(), limits);
            } catch (IOException e) {
                throw new DatasetException(u.file.shownName(), -1, -1, "cannot read: " + e.getMessage(), e);
            }
            try {
                CvatMeta meta = MetaReader.read(parser, limits);
                // unsupported elements are counted once per file, by the first pass
                boolean count = warn && warnedFiles.add(u.file);
                boolean grouped = u.file.subsets().get(u.subset);
                if (grouped && parser instanceof Utf8XmlScanner scanner && u.file.chunks().starts().length > 0) {
                    return new ChunkedFramePass(context.workers(), u.file, scanner, labels, limits, u.subset,
                            (element, n) -> {
                                if (count) {
                                    skipped.merge(element, n, Long::sum);
                                }
                            });
                }
                BodyReader body = new BodyReader(parser, meta, labels, limits,
                        element -> {
                            if (count) {
                                skipped.merge(element, 1L, Long::sum);
                            }
                        });
                return grouped
                        ? new StreamingFramePass(parser, body, u.subset)
                        : new RegroupingFramePass(parser, body, u.subset, context.tempDir(), maxInMemory);
            } catch (RuntimeException e) {
                parser.close();
                throw e;
            }
        }

        private void warnSkipped(CvatFile file) {
            skipped.forEach((element, count) -> {
                if (CvatNames.SKELETON.equals(element)) {
                    context.warn(WARN_SKELETON, file.shownName(), count);
                } else {
                    context.warn(WARN_UNSUPPORTED_SHAPE, "<" + element + "> in " + file.shownName(), count);
                }
            });
            skipped.clear();
        }

        private DatasetItem item(Unit u, FramePass.Group g) {
            CvatFile file = u.file;
            long frame = PythonNumbers.parseInt(g.frame());
            String name = g.image() != null ? g.image().name() : String.format(Locale.ROOT, CvatNames.TRACK_FRAME_NAME, frame);
            ImageSize size = g.image() != null ? g.image().size() : file.meta().originalSize();
            String extension = CvatFile.extension(name);
            String id = name.substring(0, name.length() - extension.length());
            if (mayRepeat(u.subset, id) && !idsBySubset.computeIfAbsent(u.subset, s -> new LongHashSet())
                    .add(LongHashSet.hash(id))) {
                RepeatedItemSearch.Repeat repeat = RepeatedItemSearch.find(file, u.subset, id, g.frame(), limits);
                if (repeat != null) {
                    throw DatasetExceptions.atLine(file.shownName(), repeat.line(), "images '" + repeat.otherName()
                            + "' (line " + repeat.otherLine() + ") and '" + name + "' (frame " + g.frame() + ") of subset '"
                            + u.subset + "' give the same item id '" + id + "'; rename one of them");
                }
            }
            Path path = locate(file, u.subset, name);
            Image image;
            if (path != null) {
                image = Image.ofFile(path, size);
            } else {
                image = Image.withoutFile(extension, size);
                if (warn) {
                    context.warn(WARN_NO_IMAGE, file.shownName(), 1);
                    if (context.debugEnabled()) {
                        context.debug(file.shownName() + ": no file " + CvatNames.IMAGES_DIR + "/" + name + " for item '" + id
                                + "' of subset '" + u.subset + "'");
                    }
                }
            }
            return new DatasetItem(id, u.subset, image, g.annotations(), Attributes.of(CvatNames.FRAME, frame));
        }

        /** Whether {@code id} must be remembered, as one that another item of its subset may give again. */
        private boolean mayRepeat(String subset, String id) {
            LongHashSet repeated = repeatedIds.get(subset);
            return repeated == null || repeated.contains(LongHashSet.hash(id));
        }

        /** {@code images/<name>}, else {@code images/<subset>/<name>} (CVAT's project layout), else null. */
        private Path locate(CvatFile file, String subset, String name) {
            if (file.imagesDir() == null) {
                return null;
            }
            Path direct = readable(file, name, file.imagesDir().resolve(name));
            if (direct != null || !FolderPaths.isSingleName(subset)) {
                return direct;
            }
            return readable(file, name, file.imagesDir().resolve(subset).resolve(name));
        }

        /** {@code image} when it is a file that may be read, else null; a link out of the dataset is an error. */
        private Path readable(CvatFile file, String name, Path image) {
            try {
                return inputPaths.regularFile(image);
            } catch (DatasetException e) {
                throw DatasetExceptions.inFile(file.shownName(), "image '" + name + "': " + e.getMessage());
            }
        }

        @Override
        public void close() {
            openCursors.remove(this);
            if (pass != null) {
                FramePass p = pass;
                pass = null;
                p.close();
            }
        }
    }
}
