package io.datum.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Dataset#render} draws and where: the output folder (absent or empty unless
 * {@code overwrite}), which items ({@code subset}, {@code ids}, at most {@code max}; null, empty
 * and -1 mean all), one picture per item or contact sheets of {@code columns × rows} cells of
 * {@code cellWidth × cellHeight} pixels ({@code columns} 0: one picture per item), the opacity of
 * masks, the largest picture decoded or drawn in pixels, and whether text is drawn with the
 * built-in bitmap font rather than a system font (then a picture is the same on every machine).
 *
 * @since 1.2
 */
public record RenderRequest(Path dir, boolean overwrite, String shownAs, String subset, List<String> ids, long max,
                            int columns, int rows, int cellWidth, int cellHeight, double alpha, long maxPixels,
                            boolean bitmapFont) {
    /** Pictures larger than this are refused: about 100 MB of pixels in memory. */
    public static final long DEFAULT_MAX_PIXELS = 25_000_000L;

    public RenderRequest {
        Objects.requireNonNull(dir, "dir");
        ids = ids == null ? List.of() : List.copyOf(ids);
        shownAs = shownAs == null ? dir.toString() : shownAs;
        if (columns < 0 || rows < 0 || (columns == 0) != (rows == 0)) {
            throw new IllegalArgumentException("a sheet needs columns and rows > 0 (or both 0 for one picture per item)");
        }
        if (cellWidth < 16 || cellHeight < 16) {
            throw new IllegalArgumentException("a sheet cell needs at least 16x16 pixels");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is in [0, 1]");
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("the pixel limit must be positive");
        }
    }

    /** One picture per item of every item into {@code dir}, masks half opaque, system font. */
    public static RenderRequest of(Path dir) {
        return new RenderRequest(dir, false, null, null, List.of(), -1, 0, 0, 320, 240, 0.5, DEFAULT_MAX_PIXELS, false);
    }
}
