package io.datum.spi.transform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names a {@link DatasetTransform} component. As a DS component property type it becomes the
 * service properties {@code datum.transform.name} and {@code datum.transform.description}, so the
 * registry lists transforms without activating them; it is kept at run time so that the registry
 * can read it from the transforms a {@link io.datum.spi.factory.PluginFactory} builds outside a framework.
 *
 * <pre>
 * &#64;Component
 * &#64;TransformName(name = "remap_labels", description = "Renames, merges or deletes labels")
 * public class RemapLabels implements DatasetTransform { ... }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TransformName {
    String PREFIX_ = "datum.transform.";

    /** The transform's name as users type it: lower case with underscores, e.g. {@code remap_labels}. */
    String name();

    /** One line for {@code datum transforms}. */
    String description() default "";
}
