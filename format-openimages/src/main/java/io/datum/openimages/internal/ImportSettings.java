package io.datum.openimages.internal;

import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;

/**
 * Limits of an import: the largest mask decoded (docs/differences.md, S3; about 178 million pixels by
 * default, the limit Pillow uses against decompression bombs), how many annotation rows of
 * unsorted files are sorted in memory before a run is spilled to disk, and up to how many described
 * images the reader keeps a table of them in memory.
 *
 * <p>The table costs about 40 bytes an image; without it the reader joins the description files,
 * kept on disk, with the annotation files, which holds memory flat whatever the number of images
 * but costs about a tenth more time on sorted files and twice the time on unsorted ones. So the
 * table is used up to {@link #DEFAULT_TABLE_ITEMS} images (about 80 MB), the join above.
 */
public record ImportSettings(long maxMaskPixels, int spillRows, long tableItems) {
    public static final String MAX_MASK_PIXELS_PROPERTY = "datum.openimages.maxMaskPixels";
    static final String SPILL_ROWS_PROPERTY = "datum.openimages.spillRows";
    static final String TABLE_ITEMS_PROPERTY = "datum.openimages.tableItems";
    public static final String MAX_MASK_PIXELS_OPTION = "max-mask-pixels";
    public static final long DEFAULT_MAX_MASK_PIXELS = 178_956_970L;
    /** Rows per sorted run: about 40 MB of heap for boxes, for each file being sorted (one per core). */
    static final int DEFAULT_SPILL_ROWS = 500_000;
    /** Described images held in a table in memory at most (estimated from the description files' size). */
    static final long DEFAULT_TABLE_ITEMS = 2_000_000;
    /** A Java array cannot be larger. */
    static final long HARD_MAX_MASK_PIXELS = Integer.MAX_VALUE - 8;

    public ImportSettings {
        if (maxMaskPixels < 1 || maxMaskPixels > HARD_MAX_MASK_PIXELS) {
            throw new DatasetException("the mask pixel limit must be between 1 and " + HARD_MAX_MASK_PIXELS
                    + ", got " + maxMaskPixels);
        }
        if (spillRows < 1) {
            throw new DatasetException("the spill threshold must be at least 1 row, got " + spillRows);
        }
        if (tableItems < 0) {
            throw new DatasetException("the table limit must not be negative, got " + tableItems);
        }
    }

    /** The same limits with another spill threshold. */
    public ImportSettings withSpillRows(int rows) {
        return new ImportSettings(maxMaskPixels, rows, tableItems);
    }

    /** The same limits with another table limit (0: never a table when the files allow a join). */
    public ImportSettings withTableItems(long items) {
        return new ImportSettings(maxMaskPixels, spillRows, items);
    }

    /**
     * From the importer's options, else the {@code configured} limits (null or 0: not configured),
     * else the system properties, else the defaults.
     */
    public static ImportSettings from(ParsedOptions options, OpenImagesConfig configured) {
        String limit = options.value(MAX_MASK_PIXELS_OPTION);
        return new ImportSettings(
                limit != null ? number(limit, "--" + MAX_MASK_PIXELS_OPTION) : maxMaskPixels(configured),
                configured != null && configured.spillRows() != 0 ? configured.spillRows()
                        : (int) Math.min(Integer.MAX_VALUE, number(System.getProperty(SPILL_ROWS_PROPERTY,
                                String.valueOf(DEFAULT_SPILL_ROWS)), SPILL_ROWS_PROPERTY)),
                configured != null && configured.tableItems() != 0 ? configured.tableItems()
                        : number(System.getProperty(TABLE_ITEMS_PROPERTY, String.valueOf(DEFAULT_TABLE_ITEMS)),
                                TABLE_ITEMS_PROPERTY));
    }

    /** The {@code configured} mask limit (null or 0: not configured), else the system property's, else the default. */
    static long maxMaskPixels(OpenImagesConfig configured) {
        if (configured != null && configured.maxMaskPixels() != 0) {
            return configured.maxMaskPixels();
        }
        return number(System.getProperty(MAX_MASK_PIXELS_PROPERTY, String.valueOf(DEFAULT_MAX_MASK_PIXELS)),
                MAX_MASK_PIXELS_PROPERTY);
    }

    private static long number(String text, String name) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new DatasetException(name + ": '" + text + "' is not a whole number");
        }
    }
}
