package io.datum.cvat.internal.read;

import io.datum.cvat.internal.xml.XmlLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The CVAT importer's limits as a component configuration (PID {@code io.datum.cvat.internal.read.CvatImporter}).
 * Its keys are the method names with dots for underscores ({@code max.depth}, {@code max.mask.pixels}, ...).
 * Without a configuration every value is its default, the limits a plain {@code new CvatImporter()} has.
 */
@ObjectClassDefinition(name = "Datum CVAT importer", description = "Input limits of the CVAT XML reader")
public @interface CvatImporterConfig {
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
}
