package io.datum.spi;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import java.util.List;

/**
 * The options every exporter has, as Datumaro's base exporter declares them (datum-cli.md §2.6):
 * {@code --save-images} (the deprecated spelling), {@code --save-media}, {@code --image-ext} and
 * {@code --save-dataset-meta}. A format starts its parser with {@link #parser} and adds its own.
 *
 * @param saveMedia       write image files
 * @param imageExtension  {@code --image-ext} as given (each format decides how it applies it), or null
 * @param saveDatasetMeta write {@code dataset_meta.json} where the format supports it
 */
public record MediaOptions(boolean saveMedia, String imageExtension, boolean saveDatasetMeta) {
    public static final String SAVE_IMAGES = "save-images";
    public static final String SAVE_MEDIA = "save-media";
    public static final String IMAGE_EXT = "image-ext";
    public static final String SAVE_DATASET_META = "save-dataset-meta";

    /** A parser named after the format with the four common options. */
    public static OptionParser parser(String formatName) {
        return OptionParser.named(formatName)
                .flag("--" + SAVE_IMAGES, "(Deprecated. Use --save-media instead) Save images (default: False)")
                .flag("--" + SAVE_MEDIA, "Save media (default: False)")
                .value(List.of("--" + IMAGE_EXT), "IMAGE_EXT", "Image extension (default: keep or use format default .jpg)")
                .flag("--" + SAVE_DATASET_META, "Save dataset meta file (default: False)");
    }

    /** Reads the common options; both save spellings at once is an error, as in the reference. */
    public static MediaOptions from(ParsedOptions options) {
        if (options.flag(SAVE_IMAGES) && options.flag(SAVE_MEDIA)) {
            throw new DatasetException("Can't use both 'save-media' and 'save-images'");
        }
        return new MediaOptions(options.flag(SAVE_MEDIA) || options.flag(SAVE_IMAGES), options.value(IMAGE_EXT),
                options.flag(SAVE_DATASET_META));
    }
}
