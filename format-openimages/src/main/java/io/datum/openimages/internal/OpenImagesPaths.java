package io.datum.openimages.internal;

import java.util.List;
import java.util.Set;

/** File names, name patterns, column names and attribute names of the Open Images layout. */
final class OpenImagesPaths {
    static final String FORMAT_NAME = "open_images";

    static final String ANNOTATIONS_DIR = "annotations";
    static final String IMAGES_DIR = "images";
    static final String MASKS_DIR = "masks";

    static final String DATASET_META_FILE = "dataset_meta.json";
    static final String IMAGE_META_FILE = "images.meta";
    static final String HIERARCHY_FILE = "bbox_labels_600_hierarchy.json";

    static final String FULL_IMAGE_DESCRIPTION_FILE = "image_ids_and_rotation.csv";
    /** Read when the full description file is absent, pattern by pattern (decisions D18 adds the boxable name). */
    static final List<String> SUBSET_IMAGE_DESCRIPTION_PATTERNS = List.of(
            "*-images-with-rotation.csv", "*-images-boxable-with-rotation.csv", "*-images-with-labels-with-rotation.csv");
    static final List<String> LABEL_FILE_PATTERNS = List.of(
            "*-annotations-human-imagelabels.csv", "*-annotations-human-imagelabels-boxable.csv");
    static final List<String> BBOX_FILE_PATTERNS = List.of("*-annotations-bbox.csv");
    static final List<String> MASK_FILE_PATTERNS = List.of("*-annotations-object-segmentation.csv");

    /** Class description candidates in priority order; only the first present one is read. */
    static final List<String> CLASS_DESCRIPTION_PATTERNS = List.of(
            "oidv*-class-descriptions.csv", "oidv*-class-descriptions-boxable.csv",
            "class-descriptions-boxable.csv", "class-descriptions.csv");
    static final String V6_CLASS_DESCRIPTION_PATTERN = "oidv*-class-descriptions.csv";
    static final String BOXABLE_CLASS_DESCRIPTION_PATTERN = "oidv*-class-descriptions-boxable.csv";
    /** The name the exporter writes (v5 layout, no header). */
    static final String CLASS_DESCRIPTION_FILE = "class-descriptions.csv";

    /** What detection looks for; the rejection message lists exactly these, as the reference does. */
    static final List<String> DETECTION_PATTERNS = List.of(
            FULL_IMAGE_DESCRIPTION_FILE, "*-images-with-rotation.csv", "*-images-with-labels-with-rotation.csv",
            "*-annotations-human-imagelabels.csv", "*-annotations-bbox.csv", "*-annotations-object-segmentation.csv");
    /** Google's names for the boxable subset, also accepted by detection (decisions D18). */
    static final List<String> BOXABLE_DETECTION_PATTERNS = List.of(
            "*-images-boxable-with-rotation.csv", "*-annotations-human-imagelabels-boxable.csv");

    static final String IMAGE_DESCRIPTION_SUFFIX = "-images-with-rotation.csv";
    static final String LABEL_FILE_SUFFIX = "-annotations-human-imagelabels.csv";
    static final String BBOX_FILE_SUFFIX = "-annotations-bbox.csv";
    static final String MASK_FILE_SUFFIX = "-annotations-object-segmentation.csv";

    static final String IMAGE_ID = "ImageID";
    static final String SUBSET = "Subset";
    static final String LABEL_NAME = "LabelName";
    static final String DISPLAY_NAME = "DisplayName";
    static final String CONFIDENCE = "Confidence";
    static final String X_MIN = "XMin";
    static final String X_MAX = "XMax";
    static final String Y_MIN = "YMin";
    static final String Y_MAX = "YMax";
    static final String MASK_PATH = "MaskPath";
    static final String BOX_ID = "BoxID";
    static final List<String> MASK_BOX_COLUMNS = List.of("BoxXMin", "BoxXMax", "BoxYMin", "BoxYMax");
    static final String PREDICTED_IOU = "PredictedIoU";
    static final String SUBCATEGORY = "Subcategory";

    static final List<String> IMAGE_DESCRIPTION_FIELDS = List.of(
            IMAGE_ID, SUBSET, "OriginalURL", "OriginalLandingURL", "License", "AuthorProfileURL", "Author", "Title",
            "OriginalSize", "OriginalMD5", "Thumbnail300KURL", "Rotation");
    static final List<String> LABEL_FIELDS = List.of(IMAGE_ID, "Source", LABEL_NAME, CONFIDENCE);
    static final List<String> BBOX_FIELDS = List.of(
            IMAGE_ID, "Source", LABEL_NAME, CONFIDENCE, X_MIN, X_MAX, Y_MIN, Y_MAX,
            "IsOccluded", "IsTruncated", "IsGroupOf", "IsDepiction", "IsInside");
    static final List<String> MASK_FIELDS = List.of(
            MASK_PATH, IMAGE_ID, LABEL_NAME, BOX_ID, "BoxXMin", "BoxXMax", "BoxYMin", "BoxYMax", PREDICTED_IOU, "Clicks");

    /** The box flag columns and the attribute each becomes, in the same order. */
    static final List<String> BOX_FLAG_COLUMNS = List.of("IsOccluded", "IsTruncated", "IsGroupOf", "IsDepiction", "IsInside");
    static final List<String> BOX_FLAG_ATTRIBUTES = List.of("occluded", "truncated", "is_group_of", "is_depiction", "is_inside");

    static final String SCORE = "score";
    static final String BOX_ID_ATTRIBUTE = "box_id";
    static final String PREDICTED_IOU_ATTRIBUTE = "predicted_iou";

    static final String IMAGE_META_HEADER = "# <image name> <height> <width>";
    static final String DEFAULT_IMAGE_EXTENSION = ".jpg";

    /** Extensions (lower case) of the files indexed under {@code images/}, as the reference lists them. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of(
            ".jpg", ".jpeg", ".jpe", ".jp2", ".png", ".bmp", ".dib", ".tif", ".tiff", ".tga", ".webp", ".pfm",
            ".sr", ".ras", ".exr", ".hdr", ".pic", ".pbm", ".pgm", ".ppm", ".pxm", ".pnm");

    private OpenImagesPaths() {
    }
}
