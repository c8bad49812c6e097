package io.datum.openimages.internal;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.MediaOptions;

/** The exporter's options (§5.1) plus {@code --in-place}, and the mask pixel limit (decisions S3). */
record ExportSettings(boolean saveMedia, String imageExtension, boolean saveDatasetMeta, boolean inPlace,
                      long maxMaskPixels) {
    static final String IN_PLACE = "in-place";

    static OptionParser parser() {
        return MediaOptions.parser(OpenImagesPaths.FORMAT_NAME)
                .flag("--" + IN_PLACE, "Update the Open Images dataset already in the output folder: rewrite its "
                        + "annotation files, delete the ones no longer needed and the images of removed items "
                        + "(default: False)");
    }

    static ExportSettings from(ParsedOptions options) {
        MediaOptions media = MediaOptions.from(options);
        String extension = media.imageExtension();
        if (extension != null) {
            extension = extension.strip();
            if (!extension.startsWith(".")) {
                extension = "." + extension;
            }
            if (extension.length() < 2 || extension.contains("/") || extension.contains("\\")
                    || extension.indexOf('\0') >= 0) {
                throw new DatasetException("--image-ext: '" + media.imageExtension() + "' is not a file extension");
            }
        }
        return new ExportSettings(media.saveMedia(), extension, media.saveDatasetMeta(),
                options.flag(IN_PLACE), ImportSettings.maxMaskPixelsFromSystem());
    }
}
