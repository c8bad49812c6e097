package io.datum.cvat.internal;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import java.util.List;

/**
 * The exporter's options after {@code --}.
 *
 * @param saveMedia              write image files ({@code --save-media}, or the older {@code --save-images})
 * @param imageExtension         {@code --image-ext}, used verbatim as every image name's suffix; null to keep the media's
 * @param reindex                number images 0, 1, ... in each subset instead of by their {@code frame} attribute
 * @param allowUndeclared        write annotation attributes that the label does not declare
 * @param useTrack               write annotations with a {@code track_id} attribute as {@code <track>}s (CVAT for video)
 * @param saveDatasetMeta        accepted for compatibility; the reference's CVAT exporter writes no meta file either
 */
record ExportSettings(boolean saveMedia, String imageExtension, boolean reindex, boolean allowUndeclared,
                      boolean useTrack, boolean saveDatasetMeta) {
    static final String SAVE_IMAGES = "save-images";
    static final String SAVE_MEDIA = "save-media";
    static final String IMAGE_EXT = "image-ext";
    static final String SAVE_DATASET_META = "save-dataset-meta";
    static final String REINDEX = "reindex";
    static final String ALLOW_UNDECLARED_ATTRS = "allow-undeclared-attrs";
    static final String USE_TRACK = "use-track";

    static OptionParser parser() {
        return OptionParser.named(CvatNames.FORMAT)
                .flag("--" + SAVE_IMAGES, "(Deprecated. Use --save-media instead) Save images (default: False)")
                .flag("--" + SAVE_MEDIA, "Save media (default: False)")
                .value(List.of("--" + IMAGE_EXT), "IMAGE_EXT",
                        "Image extension (default: keep or use format default .jpg)")
                .flag("--" + SAVE_DATASET_META, "Save dataset meta file (default: False)")
                .flag("--" + REINDEX, "Assign new indices to frames (default: False)")
                .flag("--" + ALLOW_UNDECLARED_ATTRS,
                        "Write annotation attributes even if they are not present in the input dataset metainfo (default: False)")
                .flag("--" + USE_TRACK, "Write annotations that have a track_id attribute as tracks, as CVAT for video"
                        + " does (default: False)");
    }

    static ExportSettings of(ParsedOptions options) {
        if (options.flag(SAVE_IMAGES) && options.flag(SAVE_MEDIA)) {
            throw new DatasetException("Can't use both 'save-media' and 'save-images'");
        }
        boolean saveMedia = options.flag(SAVE_MEDIA) || options.flag(SAVE_IMAGES);
        String extension = options.value(IMAGE_EXT);
        if (saveMedia && extension != null && (!extension.startsWith(".") || extension.length() < 2)) {
            throw new DatasetException("--image-ext '" + extension + "' must be an extension with its dot, such as '.png'");
        }
        return new ExportSettings(saveMedia, extension, options.flag(REINDEX), options.flag(ALLOW_UNDECLARED_ATTRS),
                options.flag(USE_TRACK), options.flag(SAVE_DATASET_META));
    }
}
