package io.datum.openimages.internal;

import java.util.List;
import java.util.Set;

/** File names, name patterns, column names and attribute names of the Open Images layout. */
public final class OpenImagesPaths {
    public static final String FORMAT_NAME = "open_images";

    public static final String ANNOTATIONS_DIR = "annotations";
    public static final String IMAGES_DIR = "images";
    public static final String MASKS_DIR = "masks";

    public static final String DATASET_META_FILE = "dataset_meta.json";
    public static final String IMAGE_META_FILE = "images.meta";
    public static final String HIERARCHY_FILE = "bbox_labels_600_hierarchy.json";

    public static final String FULL_IMAGE_DESCRIPTION_FILE = "image_ids_and_rotation.csv";
    /**
     * Read when the full description file is absent, pattern by pattern; Google's boxable name is
     * read too (docs/differences.md, D18).
     */
    public static final List<String> SUBSET_IMAGE_DESCRIPTION_PATTERNS = List.of(
            "*-images-with-rotation.csv", "*-images-boxable-with-rotation.csv", "*-images-with-labels-with-rotation.csv");
    public static final List<String> LABEL_FILE_PATTERNS = List.of(
            "*-annotations-human-imagelabels.csv", "*-annotations-human-imagelabels-boxable.csv");
    public static final List<String> BBOX_FILE_PATTERNS = List.of("*-annotations-bbox.csv");
    public static final List<String> MASK_FILE_PATTERNS = List.of("*-annotations-object-segmentation.csv");

    /** Class description candidates in priority order; only the first present one is read. */
    public static final List<String> CLASS_DESCRIPTION_PATTERNS = List.of(
            "oidv*-class-descriptions.csv", "oidv*-class-descriptions-boxable.csv",
            "class-descriptions-boxable.csv", "class-descriptions.csv");
    public static final String V6_CLASS_DESCRIPTION_PATTERN = "oidv*-class-descriptions.csv";
    public static final String BOXABLE_CLASS_DESCRIPTION_PATTERN = "oidv*-class-descriptions-boxable.csv";
    /** The name the exporter writes (v5 layout, no header). */
    public static final String CLASS_DESCRIPTION_FILE = "class-descriptions.csv";

    /** What detection looks for; the rejection message lists exactly these, as the reference does. */
    public static final List<String> DETECTION_PATTERNS = List.of(
            FULL_IMAGE_DESCRIPTION_FILE, "*-images-with-rotation.csv", "*-images-with-labels-with-rotation.csv",
            "*-annotations-human-imagelabels.csv", "*-annotations-bbox.csv", "*-annotations-object-segmentation.csv");
    /** Google's names for the boxable subset, also accepted by detection (docs/differences.md, D18). */
    public static final List<String> BOXABLE_DETECTION_PATTERNS = List.of(
            "*-images-boxable-with-rotation.csv", "*-annotations-human-imagelabels-boxable.csv");

    public static final String IMAGE_DESCRIPTION_SUFFIX = "-images-with-rotation.csv";
    public static final String LABEL_FILE_SUFFIX = "-annotations-human-imagelabels.csv";
    public static final String BBOX_FILE_SUFFIX = "-annotations-bbox.csv";
    public static final String MASK_FILE_SUFFIX = "-annotations-object-segmentation.csv";

    public static final String IMAGE_ID = "ImageID";
    public static final String SUBSET = "Subset";
    public static final String LABEL_NAME = "LabelName";
    public static final String DISPLAY_NAME = "DisplayName";
    public static final String CONFIDENCE = "Confidence";
    public static final String X_MIN = "XMin";
    public static final String X_MAX = "XMax";
    public static final String Y_MIN = "YMin";
    public static final String Y_MAX = "YMax";
    public static final String MASK_PATH = "MaskPath";
    public static final String BOX_ID = "BoxID";
    public static final List<String> MASK_BOX_COLUMNS = List.of("BoxXMin", "BoxXMax", "BoxYMin", "BoxYMax");
    public static final String PREDICTED_IOU = "PredictedIoU";
    public static final String SUBCATEGORY = "Subcategory";

    public static final List<String> IMAGE_DESCRIPTION_FIELDS = List.of(
            IMAGE_ID, SUBSET, "OriginalURL", "OriginalLandingURL", "License", "AuthorProfileURL", "Author", "Title",
            "OriginalSize", "OriginalMD5", "Thumbnail300KURL", "Rotation");
    public static final List<String> LABEL_FIELDS = List.of(IMAGE_ID, "Source", LABEL_NAME, CONFIDENCE);
    public static final List<String> BBOX_FIELDS = List.of(
            IMAGE_ID, "Source", LABEL_NAME, CONFIDENCE, X_MIN, X_MAX, Y_MIN, Y_MAX,
            "IsOccluded", "IsTruncated", "IsGroupOf", "IsDepiction", "IsInside");
    public static final List<String> MASK_FIELDS = List.of(
            MASK_PATH, IMAGE_ID, LABEL_NAME, BOX_ID, "BoxXMin", "BoxXMax", "BoxYMin", "BoxYMax", PREDICTED_IOU, "Clicks");

    /** The box flag columns and the attribute each becomes, in the same order. */
    public static final List<String> BOX_FLAG_COLUMNS = List.of("IsOccluded", "IsTruncated", "IsGroupOf", "IsDepiction", "IsInside");
    public static final List<String> BOX_FLAG_ATTRIBUTES = List.of("occluded", "truncated", "is_group_of", "is_depiction", "is_inside");

    public static final String SCORE = "score";
    public static final String BOX_ID_ATTRIBUTE = "box_id";
    public static final String PREDICTED_IOU_ATTRIBUTE = "predicted_iou";

    public static final String IMAGE_META_HEADER = "# <image name> <height> <width>";
    public static final String DEFAULT_IMAGE_EXTENSION = ".jpg";

    /** Extensions (lower case) of the files indexed under {@code images/}, as the reference lists them. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of(
            ".jpg", ".jpeg", ".jpe", ".jp2", ".png", ".bmp", ".dib", ".tif", ".tiff", ".tga", ".webp", ".pfm",
            ".sr", ".ras", ".exr", ".hdr", ".pic", ".pbm", ".pgm", ".ppm", ".pxm", ".pnm");

    private OpenImagesPaths() {
    }
}
