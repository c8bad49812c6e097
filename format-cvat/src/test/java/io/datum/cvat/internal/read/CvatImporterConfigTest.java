package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.spi.DatasetException;
import io.datum.spi.factory.Configurations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's limits come from its component configuration; without one they are the plain defaults. */
class CvatImporterConfigTest {
    @TempDir
    Path dir;

    /** A configuration as DS builds it: the given values, every other attribute at its default. */
    private static CvatImporterConfig config(Map<String, Object> values) {
        return Configurations.of(CvatImporterConfig.class, values);
    }

    @Test
    void withoutAConfigurationTheLimitsAreThoseOfAPlainImporter() {
        assertEquals(XmlLimits.DEFAULT, CvatImporter.limitsOf(config(Map.of())));
    }

    @Test
    void aConfiguredDepthLimitIsTheOneTheReaderEnforces() throws IOException {
        write(dir, "deep/a.xml", task("<image id=\"0\" name=\"a.jpg\">" + "<x>".repeat(11) + "</x>".repeat(11) + "</image>"));
        assertEquals(1, load(new CvatImporter(config(Map.of())), dir.resolve("deep")).items().size());
        DatasetException e = assertThrows(DatasetException.class,
                () -> load(new CvatImporter(config(Map.of("max.depth", 12))), dir.resolve("deep")));
        assertTrue(e.getMessage().contains("nested deeper than 12 levels"), e.getMessage());
    }

    @Test
    void aValueThatIsNotPositiveIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CvatImporter(config(Map.of("max.mask.pixels", "0"))));
        assertEquals("CVAT importer configuration: max_mask_pixels must be positive, not 0", e.getMessage());
    }
}
