package io.datum.openimages.internal.read;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.NormalizedBox;
import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.media.PngMask;
import io.datum.openimages.internal.read.AnnotationRow.BoxRow;
import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow.MaskRow;
import io.datum.openimages.internal.read.AnnotationRow.PointRow;
import io.datum.openimages.internal.read.AnnotationRow.RelationRow;
import io.datum.spi.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds each item of a pass from its rows, found in the catalog, the images and the masks. */
final class ItemAssembler {
    /** Mask and box coordinates are matched with the precision Open Images stores them. */
    private static final double BOX_MATCH_TOLERANCE = 1e-6;

    private final DatasetLayout layout;
    private final ItemCatalog catalog;
    private final List<AnnotationFile> files;
    private final ImportSettings settings;
    private final JobContext context;
    /**
     * Each subset's mask folder, or {@link #NO_FOLDER} when it is not a folder: Google's layout
     * names millions of masks with no PNGs beside them, and a failed look-up of each file was one
     * system call per mask row.
     */
    private final Map<String, Path> maskFolders = new ConcurrentHashMap<>();
    private static final Path NO_FOLDER = Path.of("");

    ItemAssembler(DatasetLayout layout, ItemCatalog catalog, List<AnnotationFile> files, ImportSettings settings,
                  JobContext context) {
        this.layout = layout;
        this.catalog = catalog;
        this.files = files;
        this.settings = settings;
        this.context = context;
    }

    /**
     * Builds an item from its rows: labels, boxes scaled to the image size, masks (joined to the
     * box of the same label and coordinates), point labels and relationships.
     */
    AssembledItem assemble(int position, List<AnnotationRow> rows, ScoreAttributes scoreAttributes) {
        return assemble(catalog.id(position), catalog.subset(position), catalog.imagePath(layout.imagesDir(), position),
                catalog.declaredSize(position), rows, scoreAttributes);
    }

    /** {@link #assemble(int, List, ScoreAttributes)} of an item the catalog does not hold. */
    AssembledItem assemble(String id, String subset, Path imagePath, ImageSize declared, List<AnnotationRow> rows,
                           ScoreAttributes scoreAttributes) {
        List<String> debug = context.debugEnabled() ? new ArrayList<>() : null;
        Image image = null;
        if (imagePath != null) {
            image = Image.ofFile(imagePath, declared);
        } else {
            if (declared != null) {
                // The size is a property of the item whatever its source (docs/differences.md, D2, D21): an item known
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
                    noteWithoutSize(debug, "box", id, b);
                    continue;
                }
                annotations.add(box(b, size, scoreAttributes, annotations));
            } else if (row instanceof MaskRow m) {
                if (size == null) {
                    masksWithoutSize++;
                    noteWithoutSize(debug, "mask", id, m);
                    continue;
                }
                Path maskFile = maskFile(subset, m.maskPath());
                if (maskFile == null) {
                    // the mask is left out, the rest of the dataset converts (docs/differences.md, D25)
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

    /** The mask's PNG when it is a regular file inside the dataset, else null. */
    private Path maskFile(String subset, String maskPath) {
        Path folder = maskFolders.computeIfAbsent(subset, s -> {
            Path dir = layout.masksDir().resolve(s);
            return Files.isDirectory(dir) ? dir : NO_FOLDER;
        });
        return folder == NO_FOLDER ? null : layout.inside().regularFile(folder.resolve(maskPath));
    }

    private String fileName(AnnotationRow row) {
        return files.get(row.fileIndex()).name();
    }

    /** The debug line of a box or mask ({@code kind}) left out because its item's image size is unknown. */
    private void noteWithoutSize(List<String> debug, String kind, String id, AnnotationRow row) {
        if (debug != null) {
            debug.add("Can't decode " + kind + " for item '" + id + "' due to missing image file (" + fileName(row) + ":"
                    + row.line() + ")");
        }
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
