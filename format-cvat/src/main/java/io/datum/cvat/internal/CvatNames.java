package io.datum.cvat.internal;

import java.util.Set;

/** Names of the CVAT XML vocabulary and of the files around it. */
final class CvatNames {
    static final String FORMAT = "cvat";
    static final String XML_EXTENSION = ".xml";
    static final String IMAGES_DIR = "images";
    /** The extension of an image name when the item's media does not give one. */
    static final String DEFAULT_IMAGE_EXTENSION = ".jpg";
    /** The name of a video frame that has no {@code <image>} element (Python {@code %06d}). */
    static final String TRACK_FRAME_NAME = "frame_%06d.png";
    static final String XML_VERSION = "1.1";

    // elements
    static final String ANNOTATIONS = "annotations";
    static final String VERSION = "version";
    static final String META = "meta";
    static final String TASK = "task";
    static final String JOB = "job";
    static final String PROJECT = "project";
    static final String LABELS = "labels";
    static final String LABEL = "label";
    static final String NAME = "name";
    static final String ATTRIBUTES = "attributes";
    static final String ATTRIBUTE = "attribute";
    static final String MUTABLE = "mutable";
    static final String INPUT_TYPE = "input_type";
    static final String DEFAULT_VALUE = "default_value";
    static final String VALUES = "values";
    static final String SUBSET = "subset";
    static final String ORIGINAL_SIZE = "original_size";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String ID = "id";
    static final String SIZE = "size";
    static final String MODE = "mode";
    static final String OVERLAP = "overlap";
    static final String START_FRAME = "start_frame";
    static final String STOP_FRAME = "stop_frame";
    static final String FRAME_FILTER = "frame_filter";
    static final String Z_ORDER = "z_order";
    static final String IMAGE = "image";
    static final String TRACK = "track";
    static final String TAG = "tag";
    static final String BOX = "box";
    static final String POLYGON = "polygon";
    static final String POLYLINE = "polyline";
    static final String POINTS = "points";
    static final String MASK = "mask";
    static final String SKELETON = "skeleton";
    /** Shapes CVAT has and this format does not read (decisions D10: their attributes are dropped with them). */
    static final Set<String> UNSUPPORTED_SHAPES = Set.of("ellipse", "cuboid", SKELETON);

    // XML attributes of shapes, tags, images and tracks (besides id, name, label, subset, width, height, z_order)
    static final String FRAME = "frame";
    static final String GROUP_ID = "group_id";
    static final String OCCLUDED = "occluded";
    static final String OUTSIDE = "outside";
    static final String KEYFRAME = "keyframe";
    static final String XTL = "xtl";
    static final String YTL = "ytl";
    static final String XBR = "xbr";
    static final String YBR = "ybr";
    static final String RLE = "rle";
    static final String LEFT = "left";
    static final String TOP = "top";

    // annotation attributes with a meaning of their own
    static final String TRACK_ID = "track_id";
    /** Written as XML attributes of a shape, never as {@code <attribute>} elements. */
    static final Set<String> BUILTIN_ATTRIBUTES = Set.of(OCCLUDED, OUTSIDE, KEYFRAME, TRACK_ID);

    private CvatNames() {
    }
}
