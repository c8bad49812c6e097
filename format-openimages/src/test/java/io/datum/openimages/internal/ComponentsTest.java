package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.spi.DatasetFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.annotations.Component;

/** The three roles are components of one format name, constructible without a framework. */
class ComponentsTest {
    @Test
    void theThreeRolesNameTheFormat() throws Exception {
        for (Class<?> role : List.of(OpenImagesDetector.class, OpenImagesImporter.class, OpenImagesExporter.class)) {
            DatasetFormat format = role.getAnnotation(DatasetFormat.class);
            assertEquals("open_images", format.name(), role.getSimpleName());
            assertEquals("Open Images V4/V5/V6 (CSV)", format.description());
            assertTrue(role.getConstructor().newInstance() != null);
        }
    }

    @Test
    void importerAndExporterOptionsAreNamedAfterTheFormat() {
        assertEquals("open_images", new OpenImagesImporter().options().prog());
        assertEquals("open_images", new OpenImagesExporter().options().prog());
        assertEquals("50", new OpenImagesImporter().options().parse(List.of("--max_mask_pixels=50"))
                .value(ImportSettings.MAX_MASK_PIXELS_OPTION));
        assertTrue(new OpenImagesExporter().options().parse(List.of("--save_dataset_meta")).flag("save-dataset-meta"));
    }

    @Test
    void componentAnnotationIsOnlyAtBuildTime() {
        // DS annotations have CLASS retention: the bundle needs no DS classes at run time
        assertEquals(null, OpenImagesImporter.class.getAnnotation(Component.class));
    }
}
