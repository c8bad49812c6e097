package io.datum.cvat.internal;

import io.datum.cvat.internal.read.CvatImporter;
import io.datum.cvat.internal.xml.XmlLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The CVAT importer's configuration (PID {@value #PID}): its input limits and the parser of UTF-8
 * files. As with Open Images, a setting left unset falls back to its system property, so that a
 * framework without configuration (and {@code convert}, which takes no import options) can still
 * be steered from {@code DATUM_JAVA_OPTS}. Keys are the method names with dots for underscores ({@code max.depth},
 * {@code max.mask.pixels}, {@code xml.reader}, ...). Without a configuration every value is its
 * default. On a plain class path {@link CvatFactory} builds it from a map with the same keys.
 */
@ObjectClassDefinition(name = "Datum CVAT importer", description = "Input limits and XML reader of the CVAT importer")
public @interface CvatConfig {
    /** The configuration PID. */
    String PID = "io.datum.cvat";

    @AttributeDefinition(description = "Element nesting depth")
    int max_depth() default XmlLimits.DEFAULT_MAX_DEPTH;

    @AttributeDefinition(description = "Characters in one XML attribute value")
    int max_attribute_length() default XmlLimits.DEFAULT_MAX_VALUE_LENGTH;

    @AttributeDefinition(description = "Characters in one run of text, comment or processing instruction")
    int max_text_length() default XmlLimits.DEFAULT_MAX_VALUE_LENGTH;

    @AttributeDefinition(description = "Pixels of the canvas a mask is decoded into")
    long max_mask_pixels() default XmlLimits.DEFAULT_MAX_MASK_PIXELS;

    @AttributeDefinition(description = "Records a pass holds before it spills to disk while regrouping a video's tracks by frame")
    int max_records_in_memory() default CvatImporter.MAX_RECORDS_IN_MEMORY;

    @AttributeDefinition(description = "The parser of UTF-8 files: scanner (Datum's own, fast) or library (Aalto); "
            + "empty: the system property " + CvatImporter.READER_PROPERTY + ", else scanner. An import's --xml-reader "
            + "overrides it")
    String xml_reader() default "";
}
