package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.NormalizedBox;
import io.datum.openimages.internal.ExportSettings;
import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.media.PngMask;
import io.datum.openimages.internal.read.AnnotationRow.BoxRow;
import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow.MaskRow;
import io.datum.openimages.internal.read.AnnotationRow.PointRow;
import io.datum.openimages.internal.read.AnnotationRow.RelationRow;
import io.datum.openimages.internal.sort.FileRowStream;
import io.datum.openimages.internal.sort.ReadAheadRowStream;
import io.datum.openimages.internal.sort.ReadAheadRows;
import io.datum.openimages.internal.sort.RowSorter;
import io.datum.openimages.internal.sort.RowStream;
import io.datum.openimages.internal.sort.SideBySide;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An opened Open Images dataset, read as a stream.
 *
 * <p>One item's labels, boxes and masks live in three files, joined by ImageID, and the dataset
 * is too large to assemble in memory (the V6 train split has 14.6M boxes). Opening builds the
 * {@link ItemCatalog} (every item's position in the reference order, §4.11) and reads the
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
    /** Mask and box coordinates are matched with the precision Open Images stores them (§4.10). */
    private static final double BOX_MATCH_TOLERANCE = 1e-6;
    private static final int MAX_IMAGE_DEPTH = 10;
    /** Room for a typical item's rows (V6 train averages about 9 boxes and 6 labels). */
    private static final int ROWS_PER_ITEM = 32;

    private final DatasetLayout layout;
    private final Categories categories;
    /** Replaced once by {@link #prepareFor} when the export keeps the columns as read. */
    private volatile RowLabels labels;
    private final ItemCatalog catalog;
    private final List<AnnotationFile> files;
    private final List<AnnotationFile> directFiles;
    private RowSorter spilled;
    private final ImportSettings settings;
    private final JobContext context;
    private final AtomicInteger warnedUpTo = new AtomicInteger();
    private final Map<String, Long> subsetSizes;

    /**
     * What the row readers check label names against, the file that declared them (named in
     * errors), and whether rows keep their cells as read ({@link KeptCells}).
     */
    private record RowLabels(LabelIndex index, String source, boolean keepColumns) {
    }

    private OpenImagesSource(DatasetLayout layout, CategoriesReader.Result categories, RowLabels labels, ItemCatalog catalog,
                             List<AnnotationFile> files, List<AnnotationFile> directFiles, RowSorter spilled,
                             ImportSettings settings, JobContext context) {
        this.layout = layout;
        this.categories = categories.categories();
        this.labels = labels;
        this.catalog = catalog;
        this.files = files;
        this.directFiles = directFiles;
        this.spilled = spilled;
        this.settings = settings;
        this.context = context;
        this.subsetSizes = catalog.subsetSizes();
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
        ItemCatalog catalog = new ItemCatalog();
        ItemDescriptions.read(layout, catalog);
        List<AnnotationFile> files = annotationFiles(layout);
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
            SideBySide.run(tasks, Runtime.getRuntime().availableProcessors());
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
                    placeItems(layout, unchecked, catalog, labels);
                    if (placeItems(layout, f, catalog, labels)) {
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
                spilled = new RowSorter(settings.spillRows(), context.tempDir());
                try {
                    sort(layout, unsorted, catalog, labels, spilled);
                } catch (IOException | RuntimeException e) {
                    if (unchecked.isEmpty()) {
                        throw e;
                    }
                    // An unchecked file brings a new item, or fails where placing its items would
                    // have: place them as the reference does, file by file (which reports what it
                    // would), and sort again.
                    spilled.close();
                    spilled = null;
                    placeItems(layout, unchecked, catalog, labels);
                    spilled = new RowSorter(settings.spillRows(), context.tempDir());
                    sort(layout, unsorted, catalog, labels, spilled);
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
            indexImages(layout, catalog);
            context.debug("open_images: " + catalog.size() + " items, " + direct.size() + " annotation files read in order, "
                    + unsorted.size() + " sorted" + (spilled != null && spilled.spilled() ? " on disk" : " in memory"));
            return new OpenImagesSource(layout, categories, labels, catalog, files, List.copyOf(direct), spilled, settings, context);
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

    /**
     * Label, box, mask, point-label and relationship files in reading order: kind by kind, names
     * sorted (decisions D7).
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

    /**
     * Places the items of files whose scan stopped at their first row out of order, file by file,
     * and empties the list. (The files stay among those sorted: placing finds the same disorder.)
     */
    private static void placeItems(DatasetLayout layout, List<AnnotationFile> unchecked, ItemCatalog catalog,
                                   RowLabels labels) throws IOException {
        for (AnnotationFile f : unchecked) {
            placeItems(layout, f, catalog, labels);
        }
        unchecked.clear();
    }

    /**
     * Adds the items first seen in a file and says whether its rows come in position order,
     * from its ImageID column alone when the quick scan can read it.
     */
    private static boolean placeItems(DatasetLayout layout, AnnotationFile file, ItemCatalog catalog,
                                      RowLabels labels) throws IOException {
        ItemPlacer placer = new ItemPlacer(file, catalog);
        if (ImageIdScanner.scan(layout.annotationDir().resolve(file.name()), file.imageIdColumn(), placer)) {
            return placer.sorted();
        }
        // the items the scan placed come first in the file too: placing them again changes nothing
        return prescan(layout, file, catalog, labels);
    }

    /**
     * Reads a file with the full reader: validates every row, adds the items first seen in it,
     * and says whether its rows come in position order.
     */
    private static boolean prescan(DatasetLayout layout, AnnotationFile file, ItemCatalog catalog,
                                   RowLabels labels) throws IOException {
        boolean sorted = true;
        int last = -1;
        try (AnnotationRowReader reader = open(layout, file, labels)) {
            while (reader.next()) {
                int position = positionOrAdd(reader, catalog);
                sorted &= position >= last;
                last = Math.max(last, position);
            }
        }
        return sorted;
    }

    /**
     * Sorts the rows of the files not in item order, one file per core at once (each parsed on one
     * more thread, see {@link #sort(DatasetLayout, AnnotationFile, ItemCatalog, RowLabels, RowSorter)}).
     * A failure is the one reading the files one after another would meet: that of the first
     * failing file (later files are not started once one failed).
     */
    private static void sort(DatasetLayout layout, List<AnnotationFile> unsorted, ItemCatalog catalog,
                             RowLabels labels, RowSorter sorter) throws IOException {
        Throwable[] failures = new Throwable[unsorted.size()];
        AtomicInteger firstFailed = new AtomicInteger(unsorted.size());
        List<SideBySide.Weighted> tasks = new ArrayList<>();
        for (int i = 0; i < unsorted.size(); i++) {
            AnnotationFile f = unsorted.get(i);
            int k = i;
            tasks.add(new SideBySide.Weighted(Files.size(layout.annotationDir().resolve(f.name())), () -> {
                if (k > firstFailed.get()) {
                    return;
                }
                try {
                    sort(layout, f, catalog, labels, sorter);
                } catch (IOException | RuntimeException | Error e) {
                    failures[k] = e;
                    firstFailed.accumulateAndGet(k, Math::min);
                }
            }));
        }
        SideBySide.run(tasks, Runtime.getRuntime().availableProcessors());
        int failed = firstFailed.get();
        if (failed < failures.length) {
            SideBySide.rethrow(failures[failed]);
        }
        sorter.finish();
    }

    /**
     * Adds a file's rows to the sorter, parsed ahead on another thread ({@link ReadAheadRows}).
     * Their items are looked up a batch at a time ({@link IdTable#getAll}): rows out of item
     * order name items all over the catalog.
     */
    private static void sort(DatasetLayout layout, AnnotationFile file, ItemCatalog catalog, RowLabels labels,
                             RowSorter sorter) throws IOException {
        try (RowSorter.FileRows rows = sorter.file(file.index());
             ReadAheadRows parsed = new ReadAheadRows(open(layout, file, labels), file.name())) {
            ReadAheadRows.Batch batch;
            do {
                batch = parsed.next();
                // the rows before a bad one come first, with any failure of theirs
                place(file, catalog, batch.ids, batch.rows, rows);
                batch.rethrowFailure();
                parsed.recycle(batch);
            } while (!batch.last());
            rows.finish();
        }
    }

    /** Adds rows to the sorter at the positions of their items, {@code ids}. */
    private static void place(AnnotationFile file, ItemCatalog catalog, IdTable.Batch ids, AnnotationRow[] rows,
                              RowSorter.FileRows sorted) throws IOException {
        catalog.positionsOf(ids);
        for (int k = 0; k < ids.size(); k++) {
            int position = ids.ordinal(k);
            if (position < 0) {
                throw DatasetException.at(file.name(), rows[k].line(), "item '" + ids.id(k)
                        + "' is new: the file changed after the dataset was opened");
            }
            sorted.add(position, rows[k]);
        }
    }

    private static AnnotationRowReader open(DatasetLayout layout, AnnotationFile file, RowLabels labels)
            throws IOException {
        return AnnotationRowReader.open(file, layout.annotationDir(), labels.index(), labels.source(), labels.keepColumns());
    }

    private static int positionOrAdd(AnnotationRowReader reader, ItemCatalog catalog) {
        int position = catalog.positionOf(reader.imageId());
        if (position >= 0) {
            return position;
        }
        String subset = subsetForNewItems(reader.file());
        if (!FolderPaths.isSingleName(subset)) {
            throw reader.error("item '" + reader.imageId() + "' would get the unsupported subset name '" + subset
                    + "' from the file name");
        }
        return catalog.add(reader.imageId(), subset);
    }

    /** The subset of an item first seen in {@code file}: the one its name gives, else the default subset. */
    static String subsetForNewItems(AnnotationFile file) {
        String subset = file.subsetForNewItems();
        return subset.isEmpty() ? DatasetItem.DEFAULT_SUBSET : subset;
    }

    /**
     * Finds image files: {@code images/<any folder>/<item id><image extension>} (§4.5). Only
     * files of known items are recorded; when two files give one id, the later in sorted path
     * order wins, whatever order the file system lists them in.
     */
    private static void indexImages(DatasetLayout layout, ItemCatalog catalog) throws IOException {
        Path imagesDir = layout.imagesDir();
        if (!Files.isDirectory(imagesDir)) {
            return;
        }
        // Links are not followed by the walk but judged one by one: one that leads out of the
        // dataset is an error; a file link inside counts as its file; folder links are not entered.
        Path walkRoot = Files.isSymbolicLink(imagesDir) ? imagesDir.toRealPath() : imagesDir;
        Files.walkFileTree(walkRoot, EnumSet.noneOf(FileVisitOption.class), MAX_IMAGE_DEPTH + 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isSymbolicLink() && !Files.isRegularFile(layout.inside().check(file))
                                || !attrs.isSymbolicLink() && !attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path relative = walkRoot.relativize(file);
                        int parts = relative.getNameCount();
                        String name = relative.getFileName().toString();
                        String extension = Image.extensionOf(name);
                        if (parts < 2 || !OpenImagesPaths.IMAGE_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))) {
                            return FileVisitResult.CONTINUE;
                        }
                        StringBuilder id = new StringBuilder();
                        for (int i = 1; i < parts - 1; i++) {
                            id.append(relative.getName(i)).append('/');
                        }
                        id.append(name, 0, name.length() - extension.length());
                        int position = catalog.positionOf(id.toString());
                        if (position >= 0) {
                            String dir = relative.getName(0).toString();
                            String[] existing = catalog.image(position);
                            if (existing == null || laterInWalk(dir, extension, existing[0], existing[1])) {
                                catalog.setImage(position, dir, extension);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Two files of one id differ in their first folder or their extension; compare like a sorted walk. */
    private static boolean laterInWalk(String dir, String extension, String otherDir, String otherExtension) {
        int c = dir.compareTo(otherDir);
        return c != 0 ? c > 0 : extension.compareTo(otherExtension) > 0;
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
                RowSorter sorted = new RowSorter(settings.spillRows(), context.tempDir());
                try {
                    sort(layout, unsorted, catalog, labels, sorted);
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
        return OptionalLong.of(catalog.size());
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
        if (spilled != null) {
            try {
                spilled.close();
            } catch (IOException e) {
                context.warn("Can't delete temporary files", e.getMessage(), 1);
            }
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
        private int next;
        private boolean closed;

        Pass() throws IOException {
            descriptions = labels.keepColumns() ? KeptDescriptions.open(layout) : null;
            try {
                for (AnnotationFile f : directFiles) {
                    opened.add(new ReadAheadRowStream(new FileRowStream(open(layout, f, labels), catalog), f.name()));
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
            return !closed && next < catalog.size();
        }

        @Override
        public DatasetItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int position = next++;
            List<AnnotationRow> rows = new ArrayList<>(ROWS_PER_ITEM);
            try {
                collect(position, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AssembledItem a = assemble(position, rows, scoreAttributes);
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
            if (descriptions != null) {
                try {
                    descriptions.close();
                } catch (IOException ignored) {
                    // read-only input
                }
            }
        }
    }

    /** Builds an item from its rows (labels, then boxes, then masks), as §4.8–4.10 describe. */
    private AssembledItem assemble(int position, List<AnnotationRow> rows, ScoreAttributes scoreAttributes) {
        String id = catalog.id(position);
        String subset = catalog.subset(position);
        Path imagePath = catalog.imagePath(layout.imagesDir(), position);
        ImageSize declared = catalog.declaredSize(position);
        List<String> debug = context.debugEnabled() ? new ArrayList<>() : null;
        Image image = null;
        if (imagePath != null) {
            image = Image.ofFile(imagePath, declared);
        } else {
            if (declared != null) {
                // The size is a property of the item whatever its source (decisions D2, D21): an item known
                // only from images.meta keeps it, so that other formats can write it and its boxes.
                image = Image.withoutFile("", declared);
            }
            if (debug != null) {
                debug.add("Can't find image for item: " + id + ". It should be in the 'images' directory");
            }
        }
        List<Annotation> annotations = new ArrayList<>(rows.size());
        ImageSize size = null;
        boolean sizeResolved = false;
        int boxesWithoutSize = 0;
        int masksWithoutSize = 0;
        int masksWithoutFile = 0;
        int pointsWithoutSize = 0;
        for (AnnotationRow row : rows) {
            if (row instanceof LabelRow l) {
                annotations.add(new Label(l.label(), KeptCells.added(l.kept(), scoreAttributes.label(l.confidence()))));
                continue;
            }
            if (!sizeResolved) {
                size = image != null ? image.size().orElse(null) : declared;
                sizeResolved = true;
            }
            if (row instanceof BoxRow b) {
                if (size == null) {
                    boxesWithoutSize++;
                    if (debug != null) {
                        debug.add("Can't decode box for item '" + id + "' due to missing image file ("
                                + fileName(b) + ":" + b.line() + ")");
                    }
                    continue;
                }
                annotations.add(box(b, size, scoreAttributes, annotations));
            } else if (row instanceof MaskRow m) {
                if (size == null) {
                    masksWithoutSize++;
                    if (debug != null) {
                        debug.add("Can't decode mask for item '" + id + "' due to missing image file ("
                                + fileName(m) + ":" + m.line() + ")");
                    }
                    continue;
                }
                Path maskFile = layout.inside().regularFile(layout.masksDir().resolve(subset).resolve(m.maskPath()));
                if (maskFile == null) {
                    // decisions D25: the mask is left out, the rest of the dataset converts
                    masksWithoutFile++;
                    if (debug != null) {
                        debug.add("Skipped a mask of item '" + id + "': no file " + OpenImagesPaths.MASKS_DIR + "/" + subset
                                + "/" + m.maskPath() + " (" + fileName(m) + ":" + m.line() + ")");
                    }
                    continue;
                }
                annotations.add(mask(m, maskFile, subset, size, annotations));
            } else if (size == null) {
                // point labels and relationships are scaled like boxes, and skipped like them
                pointsWithoutSize++;
            } else if (row instanceof PointRow p) {
                annotations.add(PointLabelFile.toPoints(p, size));
            } else if (row instanceof RelationRow r) {
                annotations.addAll(RelationshipFile.toBoxes(r, size, RelationshipFile.nextGroup(annotations)));
            }
        }
        return new AssembledItem(new DatasetItem(id, subset, image, annotations), imagePath == null, boxesWithoutSize,
                masksWithoutSize, masksWithoutFile, pointsWithoutSize, debug);
    }

    private String fileName(AnnotationRow row) {
        return files.get(row.fileIndex()).name();
    }

    private static Bbox box(BoxRow b, ImageSize size, ScoreAttributes scoreAttributes, List<Annotation> before) {
        // boxes of an item are numbered 1, 2, 3 ... so that masks can join their box's group
        long group = !before.isEmpty() && before.get(before.size() - 1) instanceof Bbox last ? last.group() + 1 : 1;
        int w = size.width();
        int h = size.height();
        return new Bbox(b.label(), b.xMin() * w, b.yMin() * h, b.xMax() * w, b.yMax() * h, 0, group, 0,
                KeptCells.added(b.kept(), scoreAttributes.box(b.confidence(), b.flags())), new NormalizedBox(b.xMin(), b.xMax(), b.yMin(), b.yMax(), size));
    }

    private Mask mask(MaskRow m, Path file, String subset, ImageSize size, List<Annotation> before) {
        long group = 0;
        if (m.box() != null) {
            for (Annotation a : before) {
                if (a instanceof Bbox b && b.label() == m.label() && b.source() != null && sameBox(b.source(), m.box())) {
                    group = b.group();
                }
            }
        }
        Attributes.Builder attributes = Attributes.builder().put(OpenImagesPaths.BOX_ID_ATTRIBUTE, m.boxId());
        if (m.predictedIou() != null) {
            attributes.put(OpenImagesPaths.PREDICTED_IOU_ATTRIBUTE, m.predictedIou());
        }
        String relative = OpenImagesPaths.MASKS_DIR + "/" + subset + "/" + m.maskPath();
        PngMask data = new PngMask(file, relative, size, settings.maxMaskPixels());
        return new Mask(m.label(), data, 0, group, 0, KeptCells.added(m.kept(), attributes.build()));
    }

    private static boolean sameBox(NormalizedBox box, double[] coords) {
        return Math.abs(box.xMin() - coords[0]) <= BOX_MATCH_TOLERANCE
                && Math.abs(box.xMax() - coords[1]) <= BOX_MATCH_TOLERANCE
                && Math.abs(box.yMin() - coords[2]) <= BOX_MATCH_TOLERANCE
                && Math.abs(box.yMax() - coords[3]) <= BOX_MATCH_TOLERANCE;
    }
}
