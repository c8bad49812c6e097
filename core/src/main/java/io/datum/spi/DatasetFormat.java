package io.datum.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the format a detector, importer or exporter component belongs to. As a DS component
 * property type it becomes the service properties {@code datum.format.name} etc., so the registry
 * lists formats without activating them; it is also kept at run time so that the registry can read
 * it from the parts a {@link io.datum.spi.factory.PluginFactory} builds outside a framework.
 *
 * <pre>
 * &#64;Component
 * &#64;DatasetFormat(name = "open_images", extensions = ".csv")
 * public class OpenImagesImporter implements DatasetImporter { ... }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatasetFormat {
    String PREFIX_ = "datum.format.";

    /** The format's name as users type it after {@code -f}: lower case, e.g. {@code open_images}. */
    String name();

    /** File extensions the format reads or writes, dot included. */
    String[] extensions() default {};

    /** One line for {@code datum formats}. */
    String description() default "";
}
