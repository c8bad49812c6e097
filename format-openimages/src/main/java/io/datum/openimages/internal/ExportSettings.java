package io.datum.openimages.internal;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.MediaOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The exporter's options ({@code --save-media}, {@code --image-ext}, {@code --save-dataset-meta}) plus
 * {@code --in-place}, {@code --keep-columns} and {@code --class-descriptions} (null when absent), and the
 * mask pixel limit (docs/differences.md, S3).
 */
public record ExportSettings(boolean saveMedia, String imageExtension, boolean saveDatasetMeta, boolean inPlace,
                             long maxMaskPixels, boolean keepColumns, Path classDescriptions) {
    static final String IN_PLACE = "in-place";
    static final String KEEP_COLUMNS = "keep-columns";
    static final String CLASS_DESCRIPTIONS = "class-descriptions";

    public static OptionParser parser() {
        return MediaOptions.parser(OpenImagesPaths.FORMAT_NAME)
                .flag("--" + IN_PLACE, "Update the Open Images dataset already in the output folder: rewrite its "
                        + "annotation files, delete the ones no longer needed and the images of removed items "
                        + "(default: False)")
                .flag("--" + KEEP_COLUMNS, "Write back, as read, the columns Datumaro drops: class display names, "
                        + "the Source and XClick columns of boxes, the Source of image labels, the Clicks of masks, "
                        + "the image description columns (URLs, author, title, size, MD5, rotation), and the "
                        + "spelling of every number, when the input is Open Images (default: False)")
                .value(List.of("--" + CLASS_DESCRIPTIONS), "FILE", "A class description file "
                        + "(LabelName,DisplayName): labels named by a display name it lists are written as that "
                        + "class's LabelName, e.g. a CVAT task written with --label-names display");
    }

    /** Whether an export in {@code format} with {@code options} writes the columns as read. */
    public static boolean keepsColumns(String format, ParsedOptions options) {
        return OpenImagesPaths.FORMAT_NAME.equals(format) && options.flag(KEEP_COLUMNS);
    }

    /** From the exporter's options; the mask limit as {@link ImportSettings#maxMaskPixels(OpenImagesConfig)}
     * finds it. */
    public static ExportSettings from(ParsedOptions options, OpenImagesConfig configured) {
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
                options.flag(IN_PLACE), ImportSettings.maxMaskPixels(configured), options.flag(KEEP_COLUMNS),
                options.has(CLASS_DESCRIPTIONS) ? Path.of(options.value(CLASS_DESCRIPTIONS)).toAbsolutePath()
                        : null);
    }
}
