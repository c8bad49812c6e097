package io.datum.openimages.internal.write;

import io.datum.collections.RecentDoubles;
import io.datum.files.FolderPaths;
import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.NormalizedBox;
import io.datum.model.Points;
import io.datum.openimages.internal.ExportSettings;
import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvWriter;
import io.datum.openimages.internal.read.PointLabelFile;
import io.datum.openimages.internal.read.RelationshipFile;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.support.media.MediaFolder;
import io.datum.support.stream.WriteBehind;
import io.datum.text.PythonJson;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a dataset in the Open Images layout in one pass over the source: one writer per
 * (subset, file kind) stays open while items of any subset stream by, so nothing but the current
 * item is held. Annotation files are written as {@code <name>.tmp} and renamed when complete.
 */
public final class OpenImagesWriter {
    public static final String WARN_BOX_WITHOUT_SIZE = "Can't encode a box: its item has no image size";
    static final String WARN_MASK_BOX_WITHOUT_SIZE = "Can't encode the box coordinates of a mask: its item has no image size";
    static final String WARN_WITHOUT_LABEL = "Skipped annotations without a label (Open Images needs one)";
    public static final String WARN_DROPPED_TYPE = "Dropped annotations of types Open Images can't hold";
    static final String WARN_POINT_WITHOUT_SIZE =
            "Can't encode a point label or relationship: its item has no image size";
    private static final int PROGRESS_EVERY = 1000;
    /** An array: iterating the shared immutable list was a megamorphic call per flag of every box. */
    private static final String[] BOX_FLAG_ATTRIBUTES = OpenImagesPaths.BOX_FLAG_ATTRIBUTES.toArray(new String[0]);
    private static final byte[] ONE = CsvWriter.encode("1");

    /** Told about every item written, for the in-place update's bookkeeping. */
    interface ItemListener {
        void written(String subset, String id) throws IOException;
    }

    private final DatasetSource source;
    private final Path outputDir;
    private final FolderPaths outputPaths;
    private final MediaFolder media;
    private final Path annotationsDir;
    private final ExportSettings settings;
    private final JobContext context;
    private final Path finalRoot;
    private final ItemListener listener;
    private final LabelCategories labels;
    private final Map<String, SubsetFiles> subsets = new LinkedHashMap<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final List<Path> pending = new ArrayList<>();
    /** The cells of the last few scores (they alternate between a few values, mostly 1.0 and 0.0). */
    private final RecentDoubles<byte[]> scoreCells = new RecentDoubles<>(4);
    /** Where the annotation files are written during {@link #write()}. */
    private WriteBehind behind;
    /** Label names as CSV cells, by label index, made when first written. */
    private final byte[][] labelCells;

    /**
     * @param finalRoot where the output will finally live (differs from {@code outputDir} during an
     *                  in-place update); an image already there is not copied onto itself
     */
    OpenImagesWriter(DatasetSource source, Path outputDir, ExportSettings settings, JobContext context, Path finalRoot,
                     ItemListener listener) {
        this.source = source;
        this.outputDir = outputDir;
        this.outputPaths = FolderPaths.forWriting(outputDir);
        this.media = new MediaFolder(outputDir);
        this.annotationsDir = outputDir.resolve(OpenImagesPaths.ANNOTATIONS_DIR);
        this.settings = settings;
        this.context = context;
        this.finalRoot = finalRoot;
        this.listener = listener;
        this.labels = source.categories().labels();
        this.labelCells = new byte[labels.size()][];
    }

    /**
     * Writes everything; returns the names of the files written in {@code annotations/}. The
     * annotation files' bytes reach the disk on another thread ({@link WriteBehind}).
     */
    Set<String> write() throws IOException {
        try (WriteBehind behind = new WriteBehind(context.workers(), "datum-open-images-writing")) {
            this.behind = behind;
            return writeFiles();
        } finally {
            behind = null;
        }
    }

    private Set<String> writeFiles() throws IOException {
        try (ImageMetaCollector imageMeta = new ImageMetaCollector(ImageMetaCollector.BOOKKEEPING_RUN, context.tempDir())) {
            if (settings.saveDatasetMeta()) {
                writeDatasetMeta();
            }
            Files.createDirectories(annotationsDir);
            writeClassDescriptions();
            writeHierarchy();
            long total = source.itemCount().orElse(-1);
            long done = 0;
            try (ItemCursor items = source.items()) {
                while (items.hasNext()) {
                    writeItem(items.next(), imageMeta);
                    if (++done % PROGRESS_EVERY == 0) {
                        context.progress(done, total);
                    }
                }
            }
            context.progress(done, total);
            for (SubsetFiles files : subsets.values()) {
                files.commit();
            }
            if (!imageMeta.isEmpty()) {
                imageMeta.writeTo(annotationsDir.resolve(OpenImagesPaths.IMAGE_META_FILE));
                written.add(OpenImagesPaths.IMAGE_META_FILE);
            }
            return written;
        } catch (IOException | RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    private void abort(Exception failure) {
        for (SubsetFiles files : subsets.values()) {
            files.abort(failure);
        }
        for (Path p : pending) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private void writeDatasetMeta() throws IOException {
        List<String> names = new ArrayList<>();
        for (LabelCategory c : labels.labels()) {
            names.add(c.name());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("labels", names);
        Files.writeString(outputDir.resolve(OpenImagesPaths.DATASET_META_FILE), PythonJson.dumps(meta, 2),
                StandardCharsets.UTF_8);
    }

    /**
     * No header (the v5 layout); the display name is the label name, as the reference writes it, or the
     * one read with --keep-columns.
     */
    private void writeClassDescriptions() throws IOException {
        Path temp = temporary(OpenImagesPaths.CLASS_DESCRIPTION_FILE);
        try (CsvWriter out = new CsvWriter(temp)) {
            for (LabelCategory c : labels.labels()) {
                out.row(c.name(), settings.keepColumns() && !c.displayName().isEmpty() ? c.displayName() : c.name());
            }
        }
        commit(temp, OpenImagesPaths.CLASS_DESCRIPTION_FILE);
    }

    /**
     * The label tree under an invented root ({@code /m/N}, the first such name that is not a label):
     * the root lists only parentless labels that have children; a label whose parent is not a
     * label is lost, as in the reference.
     */
    private void writeHierarchy() throws IOException {
        Set<String> names = new HashSet<>();
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        List<Map<String, Object>> orphans = new ArrayList<>();
        for (LabelCategory c : labels.labels()) {
            names.add(c.name());
            Map<String, Object> node = node(nodes, c.name());
            if (!c.parent().isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Object> children = (List<Object>) node(nodes, c.parent())
                        .computeIfAbsent(OpenImagesPaths.SUBCATEGORY, k -> new ArrayList<>());
                children.add(node);
            } else {
                orphans.add(node);
            }
        }
        int i = 0;
        while (names.contains("/m/" + i)) {
            i++;
        }
        List<Object> top = new ArrayList<>();
        for (Map<String, Object> orphan : orphans) {
            if (orphan.containsKey(OpenImagesPaths.SUBCATEGORY)) {
                top.add(orphan);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(OpenImagesPaths.LABEL_NAME, "/m/" + i);
        root.put(OpenImagesPaths.SUBCATEGORY, top);
        Path temp = temporary(OpenImagesPaths.HIERARCHY_FILE);
        Files.writeString(temp, PythonJson.dumps(root, 4) + "\n", StandardCharsets.UTF_8);
        commit(temp, OpenImagesPaths.HIERARCHY_FILE);
    }

    private static Map<String, Object> node(Map<String, Map<String, Object>> nodes, String name) {
        return nodes.computeIfAbsent(name, n -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put(OpenImagesPaths.LABEL_NAME, n);
            return node;
        });
    }

    private Path temporary(String name) {
        Path temp = annotationsDir.resolve(name + ".tmp");
        pending.add(temp);
        return temp;
    }

    private void commit(Path temp, String name) throws IOException {
        Files.move(temp, annotationsDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        pending.remove(temp);
        written.add(name);
    }

    private void writeItem(DatasetItem item, ImageMetaCollector imageMeta) throws IOException {
        String id = item.id();
        String subset = item.subset();
        if (!FolderPaths.isSingleName(subset)) {
            throw new DatasetException("item '" + id + "' has an unsupported subset name '" + subset + "'");
        }
        SubsetFiles files = subsets.get(subset);
        if (files == null) {
            files = new SubsetFiles(subset, settings.keepColumns(), annotationsDir, behind, written);
            subsets.put(subset, files);
        }
        byte[] idCell = CsvWriter.encode(id);
        if (settings.keepColumns()) {
            files.descriptions.rowAsRead(new String[] {id, subset}, item.attributes());
        } else {
            CsvWriter description = files.descriptions.writer().cell(idCell).cell(subset);
            for (int i = 2; i < OpenImagesPaths.IMAGE_DESCRIPTION_FIELDS.size(); i++) {
                description.emptyCell();
            }
            description.endRow();
        }
        if (settings.saveMedia()) {
            saveImage(item);
        }
        writeAnnotations(item, idCell, files, imageMeta);
        if (listener != null) {
            listener.written(subset, id);
        }
    }

    private void saveImage(DatasetItem item) throws IOException {
        Image image = item.image();
        if (image == null || !image.hasData()) {
            if (context.debugEnabled()) {
                context.debug("Item '" + item.id() + "' has no image");
            }
            return;
        }
        if (FolderPaths.nameProblem(item.id()) != null) {
            throw new DatasetException("item id '" + item.id()
                    + "' can't name an image file (empty, absolute, or with '..', '\\' or NUL)");
        }
        String extension = settings.imageExtension() != null ? settings.imageExtension()
                : image.extension().isEmpty() ? OpenImagesPaths.DEFAULT_IMAGE_EXTENSION : image.extension();
        String relative = OpenImagesPaths.IMAGES_DIR + "/" + item.subset() + "/" + item.id() + extension;
        Path finalTarget = finalRoot.resolve(relative).normalize();
        Path from = image.path().orElseThrow();
        if (Files.exists(finalTarget) && Files.isSameFile(from, finalTarget)
                && Image.extensionOf(from.getFileName().toString()).equals(extension)) {
            return;
        }
        media.save(image, relative);
    }

    /**
     * The annotations in the order the reference writes instances: sorted by group, stably,
     * so group 0 comes first; each annotation of group 0 is an instance of its own, and each run
     * of one other group is an instance. Usually already in order (Open Images items: labels,
     * then boxes numbered 1, 2, ...), and then not copied.
     */
    static List<Annotation> inInstanceOrder(List<Annotation> annotations) {
        long previous = Long.MIN_VALUE;
        for (Annotation a : annotations) {
            if (a.group() < previous) {
                List<Annotation> sorted = new ArrayList<>(annotations);
                sorted.sort(Comparator.comparingLong(Annotation::group));
                return sorted;
            }
            previous = a.group();
        }
        return annotations;
    }

    /** {@code idCell}: the item's id as a CSV cell, encoded once for all its rows. */
    private void writeAnnotations(DatasetItem item, byte[] idCell, SubsetFiles files, ImageMetaCollector imageMeta)
            throws IOException {
        String id = item.id();
        BoxIds boxIds = BoxIds.of(item.annotations());
        ItemSize size = new ItemSize(item.image());
        List<Annotation> ordered = inInstanceOrder(item.annotations());
        int count = ordered.size();
        for (int start = 0, end; start < count; start = end) {
            long group = ordered.get(start).group();
            end = start + 1;
            while (group != 0 && end < count && ordered.get(end).group() == group) {
                end++;
            }
            Bbox[] relation = group == 0 ? null : RelationshipFile.relation(ordered, start, end, id);
            if (relation != null) {
                writeRelation(id, idCell, relation, size, files, imageMeta);
                continue;
            }
            Bbox instanceBox = null;
            for (int i = start; i < end && instanceBox == null; i++) {
                if (ordered.get(i) instanceof Bbox b) {
                    instanceBox = b;
                }
            }
            for (int i = start; i < end; i++) {
                Annotation a = ordered.get(i);
                if (a instanceof Label l && settings.keepColumns()) {
                    files.labels.rowAsRead(new String[] {id, "", labelName(l.labelIndex(), id), text(confidence(a))},
                            a.attributes());
                } else if (a instanceof Label l) {
                    files.labels.writer().cell(idCell).emptyCell().cell(labelCell(l.labelIndex(), id))
                            .cell(confidence(a)).endRow();
                } else if (a instanceof Bbox b) {
                    writeBox(id, idCell, b, size, files, imageMeta);
                } else if (a instanceof Mask m) {
                    writeMask(item, m, instanceBox, size, boxIds, files, imageMeta);
                } else if (a instanceof Points p && PointLabelFile.isPointLabel(p)) {
                    writePoint(id, idCell, p, size, files, imageMeta);
                } else {
                    context.warn(WARN_DROPPED_TYPE, a.type().typeName(), 1);
                }
            }
        }
    }

    private void writeBox(String id, byte[] idCell, Bbox box, ItemSize size, SubsetFiles files, ImageMetaCollector imageMeta)
            throws IOException {
        if (box.label() == null) {
            context.warn(WARN_WITHOUT_LABEL, "box", 1);
            return;
        }
        Normalized n = normalize(box, size);
        if (n == null) {
            context.warn(WARN_BOX_WITHOUT_SIZE);
            if (context.debugEnabled()) {
                context.debug("Can't encode box for item '" + id + "' due to missing image file");
            }
            return;
        }
        imageMeta.record(id, n.size);
        if (settings.keepColumns()) {
            String[] cells = {id, "", labelName(box.label(), id), text(confidence(box)), PythonNumbers.repr(n.xMin),
                PythonNumbers.repr(n.xMax), PythonNumbers.repr(n.yMin), PythonNumbers.repr(n.yMax), null, null, null, null, null};
            for (int i = 0; i < BOX_FLAG_ATTRIBUTES.length; i++) {
                cells[8 + i] = text(FlagCells.of(box, BOX_FLAG_ATTRIBUTES[i], id));
            }
            files.boxes.rowAsRead(cells, box.attributes());
            return;
        }
        CsvWriter row = files.boxes.writer().cell(idCell).emptyCell().cell(labelCell(box.label(), id)).cell(confidence(box))
                .cell(n.xMin).cell(n.xMax).cell(n.yMin).cell(n.yMax);
        for (String attribute : BOX_FLAG_ATTRIBUTES) {
            row.cell(FlagCells.of(box, attribute, id));
        }
        row.endRow();
    }

    /** A point label (see {@link PointLabelFile}); skipped with a warning when the item has no size. */
    private void writePoint(String id, byte[] idCell, Points p, ItemSize size, SubsetFiles files,
                            ImageMetaCollector imageMeta) throws IOException {
        if (p.label() == null) {
            context.warn(WARN_WITHOUT_LABEL, "points", 1);
            return;
        }
        ImageSize written = PointLabelFile.write(files.points.writer(), idCell, labelCell(p.label(), id), p,
                size.get(), id);
        if (written == null) {
            context.warn(WARN_POINT_WITHOUT_SIZE);
        } else {
            imageMeta.record(id, written);
        }
    }

    /** A relation (see {@link RelationshipFile}): its two ends' boxes, normalised like any box. */
    private void writeRelation(String id, byte[] idCell, Bbox[] ends, ItemSize size, SubsetFiles files,
                               ImageMetaCollector imageMeta) throws IOException {
        if (ends[0].label() == null || ends[1].label() == null) {
            context.warn(WARN_WITHOUT_LABEL, "relationship", 1);
            return;
        }
        Normalized first = normalize(ends[0], size);
        Normalized second = normalize(ends[1], size);
        if (first == null || second == null) {
            context.warn(WARN_POINT_WITHOUT_SIZE);
            return;
        }
        imageMeta.record(id, first.size);
        RelationshipFile.write(files.relations.writer(), idCell, labelCell(ends[0].label(), id),
                labelCell(ends[1].label(), id), new double[] {first.xMin, first.xMax, first.yMin, first.yMax},
                new double[] {second.xMin, second.xMax, second.yMin, second.yMax},
                ends[0].attributes().get(RelationshipFile.RELATIONSHIP));
    }

    private void writeMask(DatasetItem item, Mask mask, Bbox instanceBox, ItemSize size, BoxIds boxIds,
                           SubsetFiles files, ImageMetaCollector imageMeta) throws IOException {
        String id = item.id();
        if (mask.label() == null) {
            context.warn(WARN_WITHOUT_LABEL, "mask", 1);
            return;
        }
        String boxId;
        Object given = mask.attributes().get(OpenImagesPaths.BOX_ID_ATTRIBUTE);
        if (truthy(given)) {
            boxId = PythonNumbers.str(given);
            if (!FolderPaths.isSingleName(boxId)) {
                throw new DatasetException("item '" + id + "' has a mask with an unsupported box ID '" + boxId + "'");
            }
        } else {
            boxId = boxIds.next();
        }
        String labelName = labelName(mask.label(), id);
        String fileName = Slugs.fileName(id) + "_" + Slugs.fileName(labelName) + "_" + boxId + ".png";
        List<String> row = new ArrayList<>(OpenImagesPaths.MASK_FIELDS.size());
        row.add(fileName);
        row.add(id);
        row.add(labelName);
        row.add(boxId);
        Normalized n = null;
        if (instanceBox != null) {
            n = normalize(instanceBox, size);
            if (n == null) {
                context.warn(WARN_MASK_BOX_WITHOUT_SIZE);
                if (context.debugEnabled()) {
                    context.debug("Can't encode box coordinates for a mask for item '" + id + "' due to missing image file");
                }
            } else {
                imageMeta.record(id, n.size);
            }
        }
        for (double v : n == null ? new double[0] : new double[] {n.xMin, n.xMax, n.yMin, n.yMax}) {
            row.add(PythonNumbers.repr(v));
        }
        while (row.size() < 8) {
            row.add("");
        }
        Object iou = mask.attributes().get(OpenImagesPaths.PREDICTED_IOU_ATTRIBUTE);
        row.add(iou == null ? "" : PythonNumbers.str(iou));
        row.add("");
        if (settings.keepColumns()) {
            files.masks.rowAsRead(row.toArray(new String[0]), mask.attributes());
        } else {
            files.masks.row(row);
        }
        writeMaskPng(item.subset(), fileName, mask.data(), id);
    }

    private void writeMaskPng(String subset, String fileName, MaskData data, String id) throws IOException {
        long pixels = (long) data.width() * data.height();
        if (pixels > settings.maxMaskPixels()) {
            throw new DatasetException("item '" + id + "': mask of " + data.width() + "x" + data.height() + " is "
                    + pixels + " pixels, more than the limit of " + settings.maxMaskPixels() + " (raise it with "
                    + ImportSettings.MAX_MASK_PIXELS_PROPERTY + ")");
        }
        if (pixels == 0) {
            throw new DatasetException("item '" + id + "': a mask of " + data.width() + "x" + data.height()
                    + " has no pixels to write");
        }
        Path target = outputPaths.resolve(OpenImagesPaths.MASKS_DIR + "/" + subset + "/" + fileName);
        MediaFiles.saveMaskPng(target, data);
    }

    private String labelName(int index, String id) {
        if (index < 0 || index >= labels.size()) {
            throw new DatasetException("item '" + id + "' has an annotation with label index " + index
                    + ", but the dataset has " + labels.size() + " labels");
        }
        return labels.get(index).name();
    }

    /** The Confidence cell: Python's {@code str(score)}, or the integer 1 when there is no score. */
    private byte[] confidence(Annotation a) {
        // one lookup for the usual present, non-None value
        Object score = a.attributes().get(OpenImagesPaths.SCORE);
        if (score instanceof Double d) {
            return scoreCells.get(d, v -> CsvWriter.encode(PythonNumbers.repr(v)));
        }
        return score != null || a.attributes().has(OpenImagesPaths.SCORE) ? CsvWriter.encode(PythonNumbers.str(score)) : ONE;
    }

    /** A label's name as a CSV cell, encoded once per label. */
    private byte[] labelCell(int index, String id) {
        if (index >= 0 && index < labelCells.length && labelCells[index] != null) {
            return labelCells[index];
        }
        byte[] cell = CsvWriter.encode(labelName(index, id));
        labelCells[index] = cell;
        return cell;
    }

    /** A cell made by {@link CsvWriter#encode} as text again (numbers and flags are never quoted). */
    private static String text(byte[] cell) {
        return new String(cell, StandardCharsets.UTF_8);
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        return true;
    }

    /** Normalised corners and the size they refer to. */
    private record Normalized(double xMin, double xMax, double yMin, double yMax, ImageSize size) {
    }

    /**
     * Box corners divided by the image size. A box read from Open Images writes back the numbers
     * it was read from, also when only {@code images.meta} knew the size (docs/differences.md, D1, D2).
     */
    private static Normalized normalize(Bbox box, ItemSize itemSize) {
        ImageSize known = itemSize.get();
        NormalizedBox source = box.source();
        if (source != null && source.scaledBy() != null && (known == null || known.equals(source.scaledBy()))) {
            double w = source.scaledBy().width();
            double h = source.scaledBy().height();
            if (box.x1() == source.xMin() * w && box.x2() == source.xMax() * w
                    && box.y1() == source.yMin() * h && box.y2() == source.yMax() * h) {
                return new Normalized(source.xMin(), source.xMax(), source.yMin(), source.yMax(), source.scaledBy());
            }
            if (known == null) {
                known = source.scaledBy();
            }
        }
        if (known == null || known.width() == 0 || known.height() == 0) {
            return null;
        }
        return new Normalized(box.x1() / known.width(), box.x2() / known.width(), box.y1() / known.height(),
                box.y2() / known.height(), known);
    }
}
