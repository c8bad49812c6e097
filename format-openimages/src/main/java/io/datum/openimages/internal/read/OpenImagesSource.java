package io.datum.openimages.internal.read;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.openimages.internal.ExportSettings;
import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.sort.FileRowStream;
import io.datum.openimages.internal.sort.ReadAheadRowStream;
import io.datum.openimages.internal.sort.RowSorter;
import io.datum.openimages.internal.sort.RowStream;
import io.datum.openimages.internal.sort.SideBySide;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An opened Open Images dataset, read as a stream.
 *
 * <p>One item's labels, boxes and masks live in three files, joined by ImageID, and the dataset
 * is too large to assemble in memory (the V6 train split has 14.6M boxes). A dataset in Google's
 * shape (each description file sorted by ImageID, every annotated item described) is opened
 * without a table of its items ({@link DescribedCatalog}); any other builds the
 * {@link ItemCatalog} (every item's position in the reference order) and reads the
 * ImageID column of each label, box and mask file ({@link ImageIdScanner}) to place items first
 * seen there and to learn whether its rows come in position order; the rows themselves are
 * parsed and validated by the passes, so a bad row fails the pass that reaches it (a failed
 * export is discarded whole). Google's files do (they are sorted by ImageID, as are
 * its description files); those are read again by every pass, side by side, in a k-way merge on
 * the position, holding one row per file (each file parsed ahead on a thread of its own, a few
 * batches of rows at most). The rows of any other file are sorted by position in
 * a {@link RowSorter} (several files at once; spilled to the job's temporary folder when large)
 * and join the merge as one more sorted stream. Either way a pass holds only the current item's
 * rows, and the result does not depend on the input's order.
 *
 * <p>Passes may run one after another or side by side; warnings are given once per item, by the
 * first pass that reaches it.
 */
public final class OpenImagesSource implements DatasetSource {
    public static final String WARN_NO_IMAGE = "Can't find the image of an item; it should be in the 'images' directory";
    public static final String WARN_BOX_WITHOUT_SIZE =
            "Can't decode a box: its item has no image file and no size in images.meta";
    static final String WARN_MASK_WITHOUT_SIZE =
            "Can't decode a mask: its item has no image file and no size in images.meta";
    public static final String WARN_MASK_WITHOUT_FILE = "Skipped masks whose PNG file is missing";
    public static final String WARN_POINT_WITHOUT_SIZE =
            "Can't decode a point label or relationship: its item has no image file and no size in images.meta";
    /** Room for a typical item's rows (V6 train averages about 9 boxes and 6 labels). */
    private static final int ROWS_PER_ITEM = 32;

    private final DatasetLayout layout;
    private final Categories categories;
    /** Replaced once by {@link #prepareFor} when the export keeps the columns as read. */
    private volatile RowLabels labels;
    /** Every item, or null when {@link #described} holds them. */
    private final ItemCatalog catalog;
    /** The items of a dataset in Google's shape, without a table of them; or null. */
    private final DescribedCatalog described;
    private final List<AnnotationFile> files;
    private final List<AnnotationFile> directFiles;
    private RowSorter spilled;
    private final ImportSettings settings;
    private final JobContext context;
    private final AtomicInteger warnedUpTo = new AtomicInteger();
    private final Map<String, Long> subsetSizes;
    private final ItemAssembler assembler;

    private OpenImagesSource(DatasetLayout layout, CategoriesReader.Result categories, RowLabels labels, ItemCatalog catalog,
                             DescribedCatalog described, List<AnnotationFile> files, List<AnnotationFile> directFiles,
                             RowSorter spilled, ImportSettings settings, JobContext context) {
        this.layout = layout;
        this.categories = categories.categories();
        this.labels = labels;
        this.catalog = catalog;
        this.described = described;
        this.files = files;
        this.directFiles = directFiles;
        this.spilled = spilled;
        this.settings = settings;
        this.context = context;
        this.subsetSizes = catalog != null ? catalog.subsetSizes() : described.ids.subsetSizes();
        this.assembler = new ItemAssembler(layout, catalog, files, settings, context);
    }

    static OpenImagesSource open(Path root, ImportSettings settings, JobContext context) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DatasetException("Can't find dataset directory '" + root + "'");
        }
        if (!OpenImagesDetector.hasAnnotationFiles(root)) {
            throw new DatasetException("Failed to find dataset '" + OpenImagesPaths.FORMAT_NAME + "' at '" + root
                    + "': no Open Images description or annotation file in it or in its 'annotations' folder");
        }
        DatasetLayout layout = DatasetLayout.of(root);
        CategoriesReader.Result categories = PointAndRelationCategories.extend(CategoriesReader.read(layout), layout);
        RowLabels labels = new RowLabels(new LabelIndex(categories.categories().labels()), categories.source(), false);
        List<AnnotationFile> files = annotationFiles(layout);
        DescribedCatalog described = DescribedCatalog.open(layout, files, settings.tableItems(), context.tempDir(),
                context.workers());
        if (described != null) {
            return openDescribed(layout, categories, labels, described, files, settings, context);
        }
        ItemCatalog catalog = new ItemCatalog();
        ItemDescriptions.read(layout, catalog, context.workers());
        RowSorter spilled = null;
        try {
            List<AnnotationFile> direct = new ArrayList<>();
            List<AnnotationFile> unsorted = new ArrayList<>();
            // Side by side: the ImageID scans of the files that bring no new item, and images.meta
            // for the items known so far (its failure waits, so that errors come in the old order)
            Boolean[] known = new Boolean[files.size()];
            List<SideBySide.Weighted> tasks = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                tasks.add(KnownItemScan.task(layout.annotationDir().resolve(files.get(i).name()),
                        files.get(i).imageIdColumn(), catalog, known, i));
            }
            int itemsBefore = catalog.size();
            DeclaredSizes sizes = new DeclaredSizes(catalog);
            Throwable[] sizesFailure = new Throwable[1];
            if (layout.has(OpenImagesPaths.IMAGE_META_FILE)) {
                Path meta = layout.file(OpenImagesPaths.IMAGE_META_FILE);
                tasks.add(new SideBySide.Weighted(Files.size(meta), () -> {
                    try {
                        ImageMetaFile.read(meta, OpenImagesPaths.IMAGE_META_FILE, sizes);
                    } catch (IOException | RuntimeException e) {
                        sizesFailure[0] = e;
                    }
                }));
            }
            SideBySide.run(tasks, context.workers());
            // files whose scan stopped at their first row out of order: their later ImageIDs are
            // looked up by the sort, once, instead of by the scan as well
            List<AnnotationFile> unchecked = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                AnnotationFile f = files.get(i);
                if (Boolean.TRUE.equals(known[i])) {
                    direct.add(f);
                } else if (Boolean.FALSE.equals(known[i])) {
                    unsorted.add(f);
                    unchecked.add(f);
                } else {
                    // this file may bring new items: those of the files before it come first
                    RowOrdering.placeItems(layout, unchecked, catalog, labels);
                    if (RowOrdering.placeItems(layout, f, catalog, labels)) {
                        direct.add(f);
                    } else {
                        unsorted.add(f);
                    }
                }
            }
            for (AnnotationFile f : unsorted) {
                context.debug(f.name() + ": rows are not in item order; sorting them");
            }
            if (!unsorted.isEmpty()) {
                spilled = new RowSorter(settings.spillRows(), context.tempDir(), context.workers());
                try {
                    RowOrdering.sort(layout, unsorted, catalog, labels, spilled);
                } catch (IOException | RuntimeException e) {
                    if (unchecked.isEmpty()) {
                        throw e;
                    }
                    // An unchecked file brings a new item, or fails where placing its items would
                    // have: place them as the reference does, file by file (which reports what it
                    // would), and sort again.
                    spilled.close();
                    spilled = null;
                    RowOrdering.placeItems(layout, unchecked, catalog, labels);
                    spilled = new RowSorter(settings.spillRows(), context.tempDir(), context.workers());
                    RowOrdering.sort(layout, unsorted, catalog, labels, spilled);
                }
            }
            if (sizesFailure[0] instanceof IOException e) {
                throw e;
            } else if (sizesFailure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (sizes.missed() && catalog.size() > itemsBefore) {
                // it named items that the annotation files brought since: read it again for them
                ImageMetaFile.read(layout.file(OpenImagesPaths.IMAGE_META_FILE), OpenImagesPaths.IMAGE_META_FILE,
                        new DeclaredSizes(catalog));
            }
            ImageWalk.indexImages(layout, catalog);
            context.debug("open_images: " + catalog.size() + " items, " + direct.size() + " annotation files read in order, "
                    + unsorted.size() + " sorted" + (spilled != null && spilled.spilled() ? " on disk" : " in memory"));
            return new OpenImagesSource(layout, categories, labels, catalog, null, files, List.copyOf(direct), spilled,
                    settings, context);
        } catch (IOException | RuntimeException e) {
            if (spilled != null) {
                try {
                    spilled.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Opens a dataset in Google's shape: the rows of the files out of item order are sorted by position. */
    private static OpenImagesSource openDescribed(DatasetLayout layout, CategoriesReader.Result categories,
                                                  RowLabels labels, DescribedCatalog described, List<AnnotationFile> files,
                                                  ImportSettings settings, JobContext context) throws IOException {
        RowSorter spilled = null;
        try {
            if (!described.unsorted.isEmpty()) {
                for (AnnotationFile f : described.unsorted) {
                    context.debug(f.name() + ": rows are not in item order; sorting them");
                }
                spilled = new RowSorter(settings.spillRows(), context.tempDir(), context.workers());
                RowOrdering.sort(layout, described.unsorted, described.placements(), labels, spilled);
            }
            context.debug("open_images: " + described.ids.size() + " described items (no table of them), "
                    + described.direct.size() + " annotation files read in order, " + described.unsorted.size() + " sorted"
                    + (spilled != null && spilled.spilled() ? " on disk" : " in memory"));
            return new OpenImagesSource(layout, categories, labels, null, described, files, described.direct, spilled,
                    settings, context);
        } catch (IOException | RuntimeException e) {
            try {
                if (spilled != null) {
                    spilled.close();
                }
                described.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Label, box, mask, point-label and relationship files in reading order: kind by kind, names
     * sorted (docs/differences.md, D7).
     */
    private static List<AnnotationFile> annotationFiles(DatasetLayout layout) {
        List<AnnotationFile> files = new ArrayList<>();
        for (String name : layout.matching(OpenImagesPaths.LABEL_FILE_PATTERNS)) {
            files.add(AnnotationFile.of(AnnotationFile.Kind.LABEL, name, files.size()));
        }
        for (String name : layout.matching(OpenImagesPaths.BBOX_FILE_PATTERNS)) {
            files.add(AnnotationFile.of(AnnotationFile.Kind.BOX, name, files.size()));
        }
        for (String name : layout.matching(OpenImagesPaths.MASK_FILE_PATTERNS)) {
            files.add(AnnotationFile.of(AnnotationFile.Kind.MASK, name, files.size()));
        }
        for (String name : layout.matching(PointLabelFile.PATTERNS)) {
            files.add(AnnotationFile.of(AnnotationFile.Kind.POINT, name, files.size()));
        }
        for (String name : layout.matching(RelationshipFile.PATTERNS)) {
            files.add(AnnotationFile.of(AnnotationFile.Kind.RELATION, name, files.size()));
        }
        return files;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    /**
     * Written back to Open Images with {@code --keep-columns}: the passes keep every row's cells as
     * read and the description columns. Rows already sorted
     * without their cells are sorted again with them.
     */
    @Override
    public void prepareFor(String exportFormat, io.datum.options.ParsedOptions exportOptions) {
        if (labels.keepColumns() || !ExportSettings.keepsColumns(exportFormat, exportOptions)) {
            return;
        }
        labels = new RowLabels(labels.index(), labels.source(), true);
        if (spilled != null) {
            List<AnnotationFile> unsorted = new ArrayList<>(files);
            unsorted.removeAll(directFiles);
            try {
                RowSorter sorted = new RowSorter(settings.spillRows(), context.tempDir(), context.workers());
                try {
                    RowOrdering.sort(layout, unsorted, catalog != null ? RowOrdering.byCatalog(catalog)
                            : described.placements(), labels, sorted);
                } catch (IOException | RuntimeException e) {
                    sorted.close();
                    throw e;
                }
                spilled.close();
                spilled = sorted;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public OptionalLong itemCount() {
        return OptionalLong.of(itemTotal());
    }

    private int itemTotal() {
        return catalog != null ? catalog.size() : described.ids.size();
    }

    @Override
    public Optional<Map<String, Long>> subsetSizes() {
        return Optional.of(subsetSizes);
    }

    @Override
    public ItemCursor items() {
        try {
            return new Pass();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (spilled != null) {
                spilled.close();
            }
            if (described != null) {
                described.close();
            }
        } catch (IOException e) {
            context.warn("Can't delete temporary files", e.getMessage(), 1);
        }
    }

    /**
     * One pass: items in position order, each assembled from the rows the merge yields for it.
     * The merge needs no heap: the streams are kept in the reference's file order (each file's
     * rows in line order), so an item's rows are the runs at its position taken stream by
     * stream; only rows from the spilled stream, which mixes files, need sorting into place.
     * (Conversions read each pass ahead on a thread of their own, {@code Datasets.readingAhead},
     * so merging and assembling run beside the exporter's writing.)
     */
    private final class Pass implements ItemCursor {
        private static final int FLUSH_WARNINGS_EVERY = 1 << 14;
        private final List<RowStream> opened = new ArrayList<>();
        /** Streams that still have a current row, in file order (the spilled stream last). */
        private final RowStream[] live;
        private int liveCount;
        /** The sorted rows of the files not in item order, or null. */
        private RowStream spilledStream;
        private final ScoreAttributes scoreAttributes = new ScoreAttributes();
        private final WarningTally warnings = new WarningTally(context);
        /** The description columns, when the pass keeps the columns as read; else null. */
        private final KeptDescriptions descriptions;
        /** Ids, subsets and sizes of the described items, when there is no catalog; else null. */
        private DescribedIds.Cursor describedIds;
        private DescribedCatalog.Sizes describedSizes;
        private final int total = itemTotal();
        private final List<AnnotationRow> rows = new ArrayList<>(ROWS_PER_ITEM);
        private int next;
        private boolean closed;

        Pass() throws IOException {
            descriptions = labels.keepColumns() ? KeptDescriptions.open(layout) : null;
            try {
                if (described != null) {
                    describedIds = described.ids.cursor();
                    describedSizes = described.sizes();
                }
                for (AnnotationFile f : directFiles) {
                    AnnotationRowReader reader = RowOrdering.open(layout, f, labels);
                    RowStream stream = new FileRowStream(reader, described != null ? described.ids.join()
                            : (row, next) -> catalog.positionOf(row.imageIdBytes(), 0, row.imageIdLength(), next));
                    opened.add(new ReadAheadRowStream(stream, f.name(), context.workers()));
                }
                if (spilled != null) {
                    spilledStream = spilled.stream();
                    opened.add(spilledStream);
                }
                live = new RowStream[opened.size()];
                for (RowStream s : opened) {
                    if (s.advance()) {
                        live[liveCount++] = s;
                    }
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public boolean hasNext() {
            return !closed && next < total;
        }

        @Override
        public DatasetItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int position = next++;
            // one list for every item's rows: the assembler copies what it keeps
            rows.clear();
            try {
                collect(position, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AssembledItem a;
            try {
                a = described == null ? assembler.assemble(position, rows, scoreAttributes) : assembleDescribed(rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (warnedUpTo.get() <= position) {
                a.warnInto(warnings);
                warnedUpTo.accumulateAndGet(position + 1, Math::max);
            }
            if (next % FLUSH_WARNINGS_EVERY == 0) {
                warnings.flush();
            }
            try {
                return descriptions == null ? a.item() : a.item().withAttributes(descriptions.of(position));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next described item, from the ids, subsets and sizes read beside the pass. */
        private AssembledItem assembleDescribed(List<AnnotationRow> rows) throws IOException {
            if (!describedIds.next()) {
                throw new IOException("temporary file of item ids ended early");
            }
            String id = describedIds.id();
            return assembler.assemble(id, describedIds.subset(), described.imagePath(layout.imagesDir(), id),
                    describedSizes.of(describedIds.position()), rows, scoreAttributes);
        }

        /** Appends the rows of {@code position} in the reference's order (file, then line). */
        private void collect(int position, List<AnnotationRow> rows) throws IOException {
            int streams = 0;
            boolean fromSpilled = false;
            for (int i = 0; i < liveCount; i++) {
                RowStream s = live[i];
                if (s.position() != position) {
                    continue;
                }
                streams++;
                fromSpilled |= s == spilledStream;
                boolean more;
                do {
                    rows.add(s.row());
                    more = s.advance();
                } while (more && s.position() == position);
                if (!more) {
                    System.arraycopy(live, i + 1, live, i, liveCount - i - 1);
                    live[--liveCount] = null;
                    i--;
                }
            }
            if (fromSpilled && streams > 1) {
                // a stable sort: rows of one file are already in line order
                rows.sort(Comparator.comparingInt(AnnotationRow::fileIndex));
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            warnings.flush();
            for (RowStream s : opened) {
                try {
                    s.close();
                } catch (IOException | RuntimeException ignored) {
                    // read-only inputs; closing cannot lose data
                }
            }
            liveCount = 0;
            try {
                if (describedIds != null) {
                    describedIds.close();
                }
                if (describedSizes != null) {
                    describedSizes.close();
                }
            } catch (IOException ignored) {
                // temporary files, deleted with the source
            }
            if (descriptions != null) {
                try {
                    descriptions.close();
                } catch (IOException ignored) {
                    // read-only input
                }
            }
        }
    }
}
