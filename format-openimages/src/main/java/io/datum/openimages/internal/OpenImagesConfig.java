package io.datum.openimages.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The limits of the Open Images importer and exporter as OSGi configuration (PID {@value #PID}).
 * A limit left at 0 falls back to its system property, then to the built-in default, so that a
 * framework without configuration, and plain class-path use, behave as they did before. On a
 * plain class path {@link OpenImagesFactory} builds it from a map with the same keys.
 */
@ObjectClassDefinition(name = "Datum Open Images limits",
        description = "Limits of the Open Images importer and exporter; 0 leaves a limit to its system property")
public @interface OpenImagesConfig {
    /** The configuration PID shared by the importer and the exporter. */
    String PID = "io.datum.openimages";

    @AttributeDefinition(name = "Largest mask, in pixels",
            description = "Largest mask decoded on import or encoded on export; an import's --max-mask-pixels "
                    + "overrides it. 0: the system property " + ImportSettings.MAX_MASK_PIXELS_PROPERTY
                    + ", else " + ImportSettings.DEFAULT_MAX_MASK_PIXELS)
    long maxMaskPixels() default 0;

    @AttributeDefinition(name = "Rows sorted in memory",
            description = "Annotation rows of a file not in item order sorted in memory before a run is spilled "
                    + "to disk. 0: the system property " + ImportSettings.SPILL_ROWS_PROPERTY + ", else "
                    + ImportSettings.DEFAULT_SPILL_ROWS)
    int spillRows() default 0;

    @AttributeDefinition(name = "Described images in a table",
            description = "Up to this many described images (estimated from the description files' size) the "
                    + "importer keeps a table of them in memory, about 40 bytes each; above, it joins the files "
                    + "on disk in flat memory. 0: the system property " + ImportSettings.TABLE_ITEMS_PROPERTY
                    + ", else " + ImportSettings.DEFAULT_TABLE_ITEMS)
    long tableItems() default 0;
}
