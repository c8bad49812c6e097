package io.datum.cvat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.detect.CvatDetector;
import io.datum.cvat.internal.read.CvatImporter;
import io.datum.cvat.internal.write.CvatExporter;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistries;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the registry needs from each role, in a framework (DS properties) and out of one (ServiceLoader). */
class ComponentsTest {
    @Test
    void everyRoleNamesTheFormatAndHasAPublicNoArgumentConstructor() throws ReflectiveOperationException {
        for (Class<?> role : List.of(CvatDetector.class, CvatImporter.class, CvatExporter.class)) {
            DatasetFormat format = role.getAnnotation(DatasetFormat.class);
            assertNotNull(format, role.getName());
            assertEquals("cvat", format.name());
            assertArrayEquals(new String[] {".xml"}, format.extensions());
            assertEquals("CVAT for images 1.1 / for video (XML)", format.description());
            assertTrue(Modifier.isPublic(role.getModifiers()));
            assertNotNull(role.getConstructor().newInstance());
        }
        assertTrue(FormatDetector.class.isAssignableFrom(CvatDetector.class));
        assertTrue(DatasetImporter.class.isAssignableFrom(CvatImporter.class));
        assertTrue(DatasetExporter.class.isAssignableFrom(CvatExporter.class));
    }

    @Test
    void plainJavaFindsEveryRoleThroughServiceFiles() {
        FormatRegistry registry = FormatRegistries.fromServiceLoader(getClass().getClassLoader());
        FormatInfo cvat = registry.format("cvat").orElseThrow();
        assertTrue(cvat.canImport() && cvat.canExport() && cvat.canDetect(), cvat.toString());
        assertEquals("CVAT for images 1.1 / for video (XML)", cvat.description());
        assertTrue(registry.importer("cvat").orElseThrow() instanceof CvatImporter);
        assertTrue(registry.exporter("cvat").orElseThrow() instanceof CvatExporter);
    }
}
