package io.datum.openimages.internal.write;

import io.datum.api.StagedOutput;
import io.datum.files.FolderPaths;
import io.datum.openimages.internal.ExportSettings;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.detect.NamePatterns;
import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.read.PointLabelFile;
import io.datum.openimages.internal.read.RelationshipFile;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Saving over an existing Open Images dataset ({@code --in-place}): the new dataset is
 * written to a staging folder inside the target, so that a source still reading the old files is
 * not disturbed; then the files are moved into place, annotation files that were not written
 * this time are deleted (also a stale {@code dataset_meta.json}, which would otherwise override
 * the new class descriptions), and so are the images of items that are gone. Stale mask PNGs
 * stay, as in the reference. Old and new item lists are compared through external sorts, so
 * memory stays bounded.
 */
final class InPlaceUpdate {
    private static final List<String> STALE_PATTERNS;

    static {
        List<String> p = new ArrayList<>();
        p.add(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE);
        p.addAll(OpenImagesPaths.SUBSET_IMAGE_DESCRIPTION_PATTERNS);
        p.addAll(OpenImagesPaths.LABEL_FILE_PATTERNS);
        p.addAll(OpenImagesPaths.BBOX_FILE_PATTERNS);
        p.addAll(OpenImagesPaths.MASK_FILE_PATTERNS);
        p.addAll(PointLabelFile.PATTERNS);
        p.addAll(RelationshipFile.PATTERNS);
        p.addAll(OpenImagesPaths.CLASS_DESCRIPTION_PATTERNS);
        p.add(OpenImagesPaths.HIERARCHY_FILE);
        p.add(OpenImagesPaths.IMAGE_META_FILE);
        STALE_PATTERNS = List.copyOf(p);
    }

    private record ItemKey(String subset, String id) {
    }

    private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::subset).thenComparing(ItemKey::id);

    private static final RecordCodec<ItemKey> CODEC = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, ItemKey k) throws IOException {
            RecordCodec.writeString(out, k.subset);
            RecordCodec.writeString(out, k.id);
        }

        @Override
        public ItemKey read(DataInput in) throws IOException {
            return new ItemKey(RecordCodec.readString(in), RecordCodec.readString(in));
        }
    };

    private InPlaceUpdate() {
    }

    static void run(DatasetSource source, Path target, ExportSettings settings, JobContext context) throws IOException {
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".datum-in-place-");
        try (ExternalSort<ItemKey> before = new ExternalSort<>(CODEC, ORDER, ImageMetaCollector.BOOKKEEPING_RUN, context.tempDir());
             ExternalSort<ItemKey> after = new ExternalSort<>(CODEC, ORDER, ImageMetaCollector.BOOKKEEPING_RUN, context.tempDir())) {
            readOldItems(target, before);
            Set<String> written = new OpenImagesWriter(source, staging, settings, context, target,
                    (subset, id) -> after.add(new ItemKey(subset, id))).write();
            moveInto(staging, target);
            deleteStaleAnnotations(target, written, context);
            Path meta = target.resolve(OpenImagesPaths.DATASET_META_FILE);
            if (!settings.saveDatasetMeta() && Files.deleteIfExists(meta)) {
                context.debug("deleted the stale " + OpenImagesPaths.DATASET_META_FILE);
            }
            before.finish();
            after.finish();
            deleteImagesOfRemovedItems(target, before, after, context);
        } finally {
            deleteTree(staging);
        }
    }

    private static void readOldItems(Path target, ExternalSort<ItemKey> items) throws IOException {
        if (!OpenImagesDetector.hasAnnotationFiles(target)) {
            return;
        }
        DatasetLayout layout = DatasetLayout.of(target);
        List<String> names = new ArrayList<>();
        if (layout.has(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE)) {
            names.add(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE);
        }
        names.addAll(layout.matching(OpenImagesPaths.SUBSET_IMAGE_DESCRIPTION_PATTERNS));
        for (String name : names) {
            try (CsvTable table = CsvTable.open(layout.file(name), name, true)) {
                int idColumn = table.column(OpenImagesPaths.IMAGE_ID);
                int subsetColumn = table.column(OpenImagesPaths.SUBSET);
                while (table.next()) {
                    String id = table.get(idColumn);
                    String subset = table.get(subsetColumn);
                    if (id != null && subset != null) {
                        items.add(new ItemKey(subset, id));
                    }
                }
            }
        }
    }

    private static void moveInto(Path staging, Path target) throws IOException {
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path destination = target.resolve(staging.relativize(file).toString());
                Files.createDirectories(destination.getParent());
                try {
                    Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Old Open Images files not rewritten: in {@code annotations/}, and at the root of an old flat layout. */
    private static void deleteStaleAnnotations(Path target, Set<String> written, JobContext context) throws IOException {
        Path annotations = target.resolve(OpenImagesPaths.ANNOTATIONS_DIR);
        for (String name : DatasetLayout.listFiles(annotations)) {
            if (!written.contains(name) && isOpenImagesFile(name)) {
                Files.delete(annotations.resolve(name));
                context.debug("deleted the stale " + OpenImagesPaths.ANNOTATIONS_DIR + "/" + name);
            }
        }
        for (String name : DatasetLayout.listFiles(target)) {
            if (isOpenImagesFile(name)) {
                Files.delete(target.resolve(name));
                context.debug("deleted the stale " + name);
            }
        }
    }

    private static boolean isOpenImagesFile(String name) {
        for (String pattern : STALE_PATTERNS) {
            if (NamePatterns.matches(pattern, name)) {
                return true;
            }
        }
        return false;
    }

    /** Items listed before and not now lose {@code images/<subset>/<id>.<image extension>}. */
    private static void deleteImagesOfRemovedItems(Path target, ExternalSort<ItemKey> before,
                                                   ExternalSort<ItemKey> after, JobContext context) throws IOException {
        Path images = target.resolve(OpenImagesPaths.IMAGES_DIR);
        if (!Files.isDirectory(images)) {
            return;
        }
        try (ExternalSort<ItemKey>.Cursor old = before.cursor(); ExternalSort<ItemKey>.Cursor now = after.cursor()) {
            ItemKey current = now.hasNext() ? now.next() : null;
            ItemKey previous = null;
            while (old.hasNext()) {
                ItemKey k = old.next();
                if (k.equals(previous)) {
                    continue;
                }
                previous = k;
                while (current != null && ORDER.compare(current, k) < 0) {
                    current = now.hasNext() ? now.next() : null;
                }
                if (current != null && current.equals(k)) {
                    continue;
                }
                deleteImages(images, k, context);
            }
        }
    }

    private static void deleteImages(Path images, ItemKey item, JobContext context) throws IOException {
        if (!FolderPaths.isSingleName(item.subset) || FolderPaths.nameProblem(item.id) != null) {
            return;
        }
        Path base = FolderPaths.forWriting(images).resolve(item.subset + "/" + item.id);
        for (String extension : OpenImagesPaths.IMAGE_EXTENSIONS) {
            for (String spelling : Set.of(extension, extension.toUpperCase(Locale.ROOT))) {
                Path file = base.resolveSibling(base.getFileName() + spelling);
                if (Files.deleteIfExists(file)) {
                    context.debug("deleted the image of the removed item '" + item.id + "': " + images.relativize(file));
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            StagedOutput.deleteTree(root);
        }
    }
}
