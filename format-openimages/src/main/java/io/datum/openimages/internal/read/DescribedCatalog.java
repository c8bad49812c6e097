package io.datum.openimages.internal.read;

import io.datum.model.ImageSize;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.sort.SideBySide;
import io.datum.support.stream.Workers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a dataset in Google's shape, with no table of them in memory: every item is
 * listed by a description file, each description file lists its ids in increasing order
 * ({@link DescribedIds}), and every annotation file either comes in that order too (read directly,
 * joined on the id) or is placed run by run ({@link RunPositions}); the sizes of
 * {@code images.meta}, when it lists each description file's items in that file's order, are
 * kept by position in a temporary file read beside the pass. What stays on the heap does not
 * grow with the number of items, except the image files found in the {@code images} folder.
 *
 * <p>{@link #open} gives null for any other dataset: an item only an annotation file names, a
 * description file out of order, an id listed twice, a file the quick scan cannot read, an
 * {@code images.meta} that does not list each description file's items in that file's order. The
 * caller then builds the {@link ItemCatalog}, which reports any error as before.
 */
final class DescribedCatalog implements Closeable {
    final DescribedIds ids;
    final List<AnnotationFile> direct;
    final List<AnnotationFile> unsorted;
    private final Map<Integer, RunPositions> runPositions;
    private final List<Path> sizeFiles;
    private final Map<String, String[]> images;

    private DescribedCatalog(DescribedIds ids, List<AnnotationFile> direct, List<AnnotationFile> unsorted,
                             Map<Integer, RunPositions> runPositions, List<Path> sizeFiles, Map<String, String[]> images) {
        this.ids = ids;
        this.direct = direct;
        this.unsorted = unsorted;
        this.runPositions = runPositions;
        this.sizeFiles = sizeFiles;
        this.images = images;
    }

    static DescribedCatalog open(DatasetLayout layout, List<AnnotationFile> files, long tableItems, Path tempDir,
                                 Workers workers) throws IOException {
        if (ItemDescriptions.fileNames(layout).isEmpty() || ItemDescriptions.estimatedRows(layout) <= tableItems) {
            return null;
        }
        DescribedIds ids = DescribedIds.create(tempDir);
        List<Path> sizeFiles = new ArrayList<>();
        Map<Integer, RunPositions> runPositions = new HashMap<>();
        boolean done = false;
        try {
            boolean sorted = ItemDescriptions.read(layout, new ItemDescriptions.Target() {
                @Override
                public void startFile() {
                    ids.startSegment();
                }

                @Override
                public int addNew(byte[] id, int from, int to, String subset) throws IOException {
                    int position = ids.add(id, from, to, subset);
                    return position == DescribedIds.OUT_OF_ORDER ? Integer.MIN_VALUE : position;
                }

                @Override
                public String subset(int position) {
                    throw new IllegalStateException("no id is repeated within a sorted description file");
                }
            }, workers);
            ids.finishWriting();
            if (!sorted || !ids.distinct()) {
                return null;
            }
            // which annotation files come in item order, side by side, with images.meta
            boolean[] inOrder = new boolean[files.size()];
            List<SideBySide.Weighted> tasks = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = layout.annotationDir().resolve(files.get(i).name());
                String idColumn = files.get(i).imageIdColumn();
                int k = i;
                tasks.add(new SideBySide.Weighted(Files.size(file), () -> inOrder[k] = inItemOrder(file, idColumn, ids)));
            }
            boolean[] sizesInOrder = {true};
            if (layout.has(OpenImagesPaths.IMAGE_META_FILE)) {
                Path meta = layout.file(OpenImagesPaths.IMAGE_META_FILE);
                for (int s = 0; s < ids.segments(); s++) {
                    sizeFiles.add(DescribedIds.tempFile(tempDir, "described-sizes"));
                }
                tasks.add(new SideBySide.Weighted(Files.size(meta), () -> sizesInOrder[0] = readSizes(meta, ids, sizeFiles)));
            }
            SideBySide.run(tasks, workers);
            if (!sizesInOrder[0]) {
                return null;
            }
            List<AnnotationFile> direct = new ArrayList<>();
            List<AnnotationFile> unsorted = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                AnnotationFile f = files.get(i);
                if (inOrder[i]) {
                    direct.add(f);
                    continue;
                }
                RunPositions runs = RunPositions.of(layout.annotationDir().resolve(f.name()), f.imageIdColumn(), ids, tempDir,
                        workers);
                if (runs == null) {
                    return null;
                }
                runPositions.put(f.index(), runs);
                unsorted.add(f);
            }
            Map<String, String[]> images = new HashMap<>();
            ImageWalk.indexImages(layout, new ImageWalk.Found() {
                @Override
                public String[] image(String id) {
                    return images.get(id);
                }

                @Override
                public boolean known(String id) {
                    return true;
                }

                @Override
                public void setImage(String id, String dir, String extension) {
                    images.put(id, new String[] {dir, extension});
                }
            });
            done = true;
            return new DescribedCatalog(ids, List.copyOf(direct), List.copyOf(unsorted), runPositions, sizeFiles, images);
        } finally {
            if (!done) {
                closeAll(ids, runPositions, sizeFiles);
            }
        }
    }

    /** Whether every ImageID of the file is described and they come in position order. */
    private static boolean inItemOrder(Path file, String idColumn, DescribedIds ids) throws IOException {
        try (DescribedIds.Join join = ids.join()) {
            int[] last = {-1};
            return ImageIdScanner.scan(file, idColumn, new ImageIdScanner.Utf8IdSink() {
                @Override
                public boolean accept(byte[] utf8, int from, int to) {
                    try {
                        int position = join.positionOf(utf8, from, to);
                        if (position < 0 || position < last[0]) {
                            return false;
                        }
                        last[0] = position;
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }

    /**
     * Writes the sizes of described items, per description file in position order; false when the
     * entries of one description file's items do not come in its order (the sizes could not be
     * read beside a pass), so that the caller keeps them in the catalog instead. Ids no
     * description file lists are ignored.
     */
    private static boolean readSizes(Path meta, DescribedIds ids, List<Path> sizeFiles) throws IOException {
        List<DataOutputStream> outs = new ArrayList<>();
        try (DescribedIds.Join join = ids.join()) {
            for (Path p : sizeFiles) {
                outs.add(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)));
            }
            int[] lastPosition = new int[sizeFiles.size()];
            java.util.Arrays.fill(lastPosition, -1);
            boolean[] inOrder = {true};
            ImageMetaFile.read(meta, OpenImagesPaths.IMAGE_META_FILE, new ImageMetaFile.Utf8Entries() {
                @Override
                public void accept(byte[] utf8, int from, int to, ImageSize size) {
                    if (!inOrder[0]) {
                        return;
                    }
                    try {
                        int position = join.positionOf(utf8, from, to);
                        if (position < 0) {
                            return;
                        }
                        int segment = ids.segmentOf(position);
                        if (position < lastPosition[segment]) {
                            inOrder[0] = false;
                            return;
                        }
                        lastPosition[segment] = position;
                        DataOutputStream out = outs.get(segment);
                        out.writeInt(position);
                        out.writeInt(size.width());
                        out.writeInt(size.height());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return inOrder[0];
        } finally {
            for (DataOutputStream out : outs) {
                out.close();
            }
        }
    }

    /** Places the rows of a file not in item order. */
    RowOrdering.Placements placements() {
        return file -> runPositions.get(file.index()).placement(file);
    }

    /** The folder under {@code images/} and the extension of the item's image, or null. */
    Path imagePath(Path imagesDir, String id) {
        String[] where = images.get(id);
        return where == null ? null : imagesDir.resolve(where[0]).resolve(id + where[1]);
    }

    /** The sizes of {@code images.meta} in position order, for one pass. */
    Sizes sizes() {
        return new Sizes();
    }

    /** Declared sizes by position; positions must be asked in increasing order. */
    final class Sizes implements Closeable {
        private int file = -1;
        private DataInputStream in;
        private int position = -1;
        private int width;
        private int height;

        /** The size from {@code images.meta}, or null; of an item listed twice, the later entry's. */
        ImageSize of(int asked) throws IOException {
            while (position < asked && advance()) {
                // the entries before are for positions already passed
            }
            if (position != asked) {
                return null;
            }
            ImageSize size = new ImageSize(width, height);
            while (advance() && position == asked) {
                size = new ImageSize(width, height);
            }
            return size;
        }

        private boolean advance() throws IOException {
            while (true) {
                if (in != null) {
                    try {
                        position = in.readInt();
                        width = in.readInt();
                        height = in.readInt();
                        return true;
                    } catch (EOFException end) {
                        in.close();
                        in = null;
                    }
                }
                if (++file >= sizeFiles.size()) {
                    position = Integer.MAX_VALUE;
                    return false;
                }
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(sizeFiles.get(file)), 1 << 16));
            }
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeAll(ids, runPositions, sizeFiles);
    }

    private static void closeAll(DescribedIds ids, Map<Integer, RunPositions> runPositions, List<Path> sizeFiles)
            throws IOException {
        try {
            ids.close();
            for (RunPositions r : runPositions.values()) {
                r.close();
            }
        } finally {
            for (Path p : sizeFiles) {
                Files.deleteIfExists(p);
            }
        }
    }
}
