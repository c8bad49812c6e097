package io.datum.openimages.internal;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import java.util.List;

/** The exporter's options (§5.1) plus {@code --in-place}, and the mask pixel limit (decisions S3). */
record ExportSettings(boolean saveMedia, String imageExtension, boolean saveDatasetMeta, boolean inPlace,
                      long maxMaskPixels) {
    static final String SAVE_IMAGES = "save-images";
    static final String SAVE_MEDIA = "save-media";
    static final String IMAGE_EXT = "image-ext";
    static final String SAVE_DATASET_META = "save-dataset-meta";
    static final String IN_PLACE = "in-place";

    static OptionParser parser() {
        return OptionParser.named(OpenImagesPaths.FORMAT_NAME)
                .flag("--" + SAVE_IMAGES, "(Deprecated. Use --save-media instead) Save images (default: False)")
                .flag("--" + SAVE_MEDIA, "Save media (default: False)")
                .value(List.of("--" + IMAGE_EXT), "IMAGE_EXT", "Image extension (default: keep or use format default .jpg)")
                .flag("--" + SAVE_DATASET_META, "Save dataset meta file (default: False)")
                .flag("--" + IN_PLACE, "Update the Open Images dataset already in the output folder: rewrite its "
                        + "annotation files, delete the ones no longer needed and the images of removed items "
                        + "(default: False)");
    }

    static ExportSettings from(ParsedOptions options) {
        boolean saveImages = options.flag(SAVE_IMAGES);
        boolean saveMedia = options.flag(SAVE_MEDIA);
        if (saveImages && saveMedia) {
            throw new DatasetException("Can't use both 'save-media' and 'save-images'");
        }
        String extension = options.value(IMAGE_EXT);
        if (extension != null) {
            extension = extension.strip();
            if (!extension.startsWith(".")) {
                extension = "." + extension;
            }
            if (extension.length() < 2 || extension.contains("/") || extension.contains("\\")
                    || extension.indexOf('\0') >= 0) {
                throw new DatasetException("--image-ext: '" + options.value(IMAGE_EXT) + "' is not a file extension");
            }
        }
        return new ExportSettings(saveImages || saveMedia, extension, options.flag(SAVE_DATASET_META),
                options.flag(IN_PLACE), ImportSettings.maxMaskPixelsFromSystem());
    }
}
