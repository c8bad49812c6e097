package io.datum.cvat.internal;

import java.util.Set;

/** Names of the CVAT XML vocabulary and of the files around it. */
public final class CvatNames {
    public static final String FORMAT = "cvat";
    public static final String XML_EXTENSION = ".xml";
    public static final String IMAGES_DIR = "images";
    /** The extension of an image name when the item's media does not give one. */
    public static final String DEFAULT_IMAGE_EXTENSION = ".jpg";
    /** The name of a video frame that has no {@code <image>} element (Python {@code %06d}). */
    public static final String TRACK_FRAME_NAME = "frame_%06d.png";
    public static final String XML_VERSION = "1.1";

    // elements
    public static final String ANNOTATIONS = "annotations";
    public static final String VERSION = "version";
    public static final String META = "meta";
    public static final String TASK = "task";
    public static final String JOB = "job";
    public static final String PROJECT = "project";
    public static final String LABELS = "labels";
    public static final String LABEL = "label";
    public static final String NAME = "name";
    public static final String ATTRIBUTES = "attributes";
    public static final String ATTRIBUTE = "attribute";
    public static final String MUTABLE = "mutable";
    public static final String INPUT_TYPE = "input_type";
    public static final String DEFAULT_VALUE = "default_value";
    public static final String VALUES = "values";
    public static final String SUBSET = "subset";
    public static final String ORIGINAL_SIZE = "original_size";
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String ID = "id";
    public static final String SIZE = "size";
    public static final String MODE = "mode";
    public static final String OVERLAP = "overlap";
    public static final String START_FRAME = "start_frame";
    public static final String STOP_FRAME = "stop_frame";
    public static final String FRAME_FILTER = "frame_filter";
    public static final String Z_ORDER = "z_order";
    public static final String IMAGE = "image";
    public static final String TRACK = "track";
    public static final String TAG = "tag";
    public static final String BOX = "box";
    public static final String POLYGON = "polygon";
    public static final String POLYLINE = "polyline";
    public static final String POINTS = "points";
    public static final String MASK = "mask";
    public static final String SKELETON = "skeleton";
    /** Shapes CVAT has and this format does not read (docs/differences.md, D10: their attributes are dropped with them). */
    public static final Set<String> UNSUPPORTED_SHAPES = Set.of("ellipse", "cuboid", SKELETON);

    // XML attributes of shapes, tags, images and tracks (besides id, name, label, subset, width, height, z_order)
    public static final String FRAME = "frame";
    public static final String GROUP_ID = "group_id";
    public static final String OCCLUDED = "occluded";
    public static final String OUTSIDE = "outside";
    public static final String KEYFRAME = "keyframe";
    public static final String XTL = "xtl";
    public static final String YTL = "ytl";
    public static final String XBR = "xbr";
    public static final String YBR = "ybr";
    public static final String RLE = "rle";
    public static final String LEFT = "left";
    public static final String TOP = "top";

    // annotation attributes with a meaning of their own
    public static final String TRACK_ID = "track_id";
    /** Written as XML attributes of a shape, never as {@code <attribute>} elements. */
    public static final Set<String> BUILTIN_ATTRIBUTES = Set.of(OCCLUDED, OUTSIDE, KEYFRAME, TRACK_ID);

    private CvatNames() {
    }
}
