package io.datum.cvat.internal.write;

import io.datum.cvat.internal.CvatNames;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.MediaOptions;
import java.util.List;

/**
 * The exporter's options after {@code --}.
 *
 * @param saveMedia              write image files ({@code --save-media}, or the older {@code --save-images})
 * @param imageExtension         {@code --image-ext}, used verbatim as every image name's suffix; null to keep the media's
 * @param reindex                number images 0, 1, ... in each subset instead of by their {@code frame} attribute
 * @param allowUndeclared        write annotation attributes that the label does not declare
 * @param useTrack               write annotations with a {@code track_id} attribute as {@code <track>}s (CVAT for video)
 * @param saveDatasetMeta        accepted for compatibility; Datumaro's CVAT exporter writes no meta file either
 * @param displayNames           name each label by its display name when it has one ({@code --label-names display})
 */
record ExportSettings(boolean saveMedia, String imageExtension, boolean reindex, boolean allowUndeclared,
                      boolean useTrack, boolean saveDatasetMeta, boolean displayNames) {
    static final String REINDEX = "reindex";
    static final String ALLOW_UNDECLARED_ATTRS = "allow-undeclared-attrs";
    static final String USE_TRACK = "use-track";

    static OptionParser parser() {
        return MediaOptions.parser(CvatNames.FORMAT)
                .flag("--" + REINDEX, "Assign new indices to frames (default: False)")
                .flag("--" + ALLOW_UNDECLARED_ATTRS,
                        "Write annotation attributes even if they are not present in the input dataset metainfo (default: False)")
                .flag("--" + USE_TRACK, "Write annotations that have a track_id attribute as tracks, as CVAT for video"
                        + " does (default: False)")
                .value(List.of("--" + DisplayNameLabels.OPTION), "{name,display}", "Label names to write: "
                        + "'name', or 'display' for each label's display name when it has one, such as the class "
                        + "names of Open Images (default: name)", DisplayNameLabels.BY_NAME);
    }

    static ExportSettings of(ParsedOptions options) {
        MediaOptions media = MediaOptions.from(options);
        boolean saveMedia = media.saveMedia();
        String extension = media.imageExtension();
        if (saveMedia && extension != null && (!extension.startsWith(".") || extension.length() < 2)) {
            throw new DatasetException("--image-ext '" + extension + "' must be an extension with its dot, such as '.png'");
        }
        String labelNames = options.value(DisplayNameLabels.OPTION, DisplayNameLabels.BY_NAME);
        if (!labelNames.equals(DisplayNameLabels.BY_NAME) && !labelNames.equals(DisplayNameLabels.BY_DISPLAY_NAME)) {
            throw parser().error("argument --" + DisplayNameLabels.OPTION + ": invalid choice: '" + labelNames
                    + "' (choose from 'name', 'display')");
        }
        return new ExportSettings(saveMedia, extension, options.flag(REINDEX), options.flag(ALLOW_UNDECLARED_ATTRS),
                options.flag(USE_TRACK), media.saveDatasetMeta(), labelNames.equals(DisplayNameLabels.BY_DISPLAY_NAME));
    }
}
