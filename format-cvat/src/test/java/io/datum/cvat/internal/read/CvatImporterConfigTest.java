package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.CvatConfig;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.factory.Configurations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's limits come from its component configuration; without one they are the plain defaults. */
class CvatImporterConfigTest {
    @TempDir
    Path dir;

    /** A configuration as DS builds it: the given values, every other attribute at its default. */
    private static CvatConfig config(Map<String, Object> values) {
        return Configurations.of(CvatConfig.class, values);
    }

    @Test
    void withoutAConfigurationTheLimitsAreThoseOfAPlainImporter() {
        assertEquals(XmlLimits.DEFAULT.withUtf8Parser(null), CvatImporter.limitsOf(config(Map.of())));
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

    @Test
    void theXmlReaderIsConfiguredAndAnUnknownOneIsRefusedByName() {
        assertEquals(null, CvatImporter.limitsOf(config(Map.of())).utf8Parser(), "left to the system property");
        assertEquals(SafeXml.Utf8Parser.LIBRARY, CvatImporter.limitsOf(config(Map.of("xml.reader", "library"))).utf8Parser());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CvatImporter(config(Map.of("xml.reader", "fast"))));
        assertEquals("CVAT importer configuration: xml_reader 'fast' is not a CVAT XML reader (scanner or library)",
                e.getMessage());
    }

    /** The two parsers word an error differently: which one read the file shows in the message. */
    private String errorReading(CvatImporter importer, Path dataset, String... options) {
        return assertThrows(DatasetException.class, () -> {
            try (DatasetSource source = importer.open(dataset, importer.options().parse(List.of(options)),
                    JobContext.collecting()); ItemCursor items = source.items()) {
                while (items.hasNext()) {
                    items.next();
                }
            }
        }).getMessage();
    }

    @Test
    void theImportOptionPicksTheReaderForOneRunOverTheConfiguration() {
        write(dir, "bad/a.xml", task("<image id=\"0\" name=\"a.jpg\"><x></y></image>"));
        Path bad = dir.resolve("bad");
        CvatImporter scanning = new CvatImporter(config(Map.of()));
        CvatImporter library = new CvatImporter(config(Map.of("xml.reader", "library")));
        String byScanner = errorReading(scanning, bad);
        String byLibrary = errorReading(library, bad);
        assertNotEquals(byScanner, byLibrary);
        assertEquals(byLibrary, errorReading(scanning, bad, "--xml-reader", "library"));
        assertEquals(byScanner, errorReading(library, bad, "--xml-reader", "SCANNER"));
        assertEquals("--xml-reader: 'fast' is not a CVAT XML reader (scanner or library)",
                errorReading(scanning, bad, "--xml-reader", "fast"));
    }
}
