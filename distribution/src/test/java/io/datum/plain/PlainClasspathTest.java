package io.datum.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.it.fake.FakeFormat;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistries;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.factory.PluginFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datum without a framework: core and the format jars (as built, from this module's dependencies)
 * on a plain class path, each bundle's parts built by its {@link PluginFactory}, found by
 * {@link java.util.ServiceLoader} through {@link FormatRegistries#fromServiceLoader()}. The OSGi
 * annotations are CLASS-retention, so nothing of OSGi is needed at run time for this.
 */
class PlainClasspathTest {
    /** Both format bundles are found through their factories, with every role, and core's transforms too. */
    @Test
    void bothFormatsAndCoreTransformsAreFoundThroughTheFactories() {
        FormatRegistry registry = FormatRegistries.fromServiceLoader();
        Map<String, String> listed = new TreeMap<>();
        for (FormatInfo f : registry.formats()) {
            listed.put(f.name(), "detect=" + f.canDetect() + " import=" + f.canImport() + " export=" + f.canExport());
        }
        assertEquals(Map.of("cvat", "detect=true import=true export=true",
                "open_images", "detect=true import=true export=true"), listed);
        assertTrue(registry.transforms().stream().anyMatch(t -> t.name().equals("filter")), registry.transforms().toString());
    }

    /** A limit given in the factory's configuration map is the one the importer enforces. */
    @Test
    void aLimitConfiguredThroughTheFactoryMapTakesEffect(@TempDir Path tmp) throws Exception {
        Path dataset = Files.createDirectories(tmp.resolve("cvat"));
        Files.writeString(dataset.resolve("a.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <annotations>
                  <version>1.1</version>
                  <meta><task><labels><label><name>cat</name><attributes></attributes></label></labels></task></meta>
                  <image id="0" name="a.jpg" width="4" height="3"></image>
                </annotations>
                """);
        JobContext context = JobContext.collecting();
        ParsedOptions none = OptionParser.named("t").parse(List.of());
        DatasetImporter plain = FormatRegistries.fromServiceLoader().importer("cvat").orElseThrow();
        try (DatasetSource source = plain.open(dataset, none, context)) {
            assertEquals("cat", source.categories().labels().get(0).name(), "opens with the default depth limit");
        }
        DatasetImporter shallow = FormatRegistries.fromServiceLoader(getClass().getClassLoader(),
                Map.of("cvat", Map.of("max.depth", 4))).importer("cvat").orElseThrow();
        DatasetException e = assertThrows(DatasetException.class, () -> shallow.open(dataset, none, context).close());
        assertTrue(e.getMessage().contains("nested deeper than 4 levels"), e.getMessage());
    }

    /** A format added to the class path later (a "third-party" jar with its factory) is found, and converts. */
    @Test
    void formatAddedToTheClassPathIsFoundAndConverts(@TempDir Path tmp) throws Exception {
        Path services = Files.createDirectories(tmp.resolve("extra/META-INF/services"));
        Files.writeString(services.resolve(PluginFactory.class.getName()), FakeFactory.class.getName() + "\n");
        try (URLClassLoader extra = new URLClassLoader(new URL[] {tmp.resolve("extra").toUri().toURL()},
                getClass().getClassLoader())) {
            FormatRegistry registry = FormatRegistries.fromServiceLoader(extra);
            FormatInfo fake = registry.format(FakeFormat.NAME).orElseThrow();
            assertEquals(List.of(true, true, true), List.of(fake.canImport(), fake.canExport(), fake.canDetect()));
            assertEquals("test format: item ids, one per line", fake.description());
            assertEquals(List.of(FakeFormat.NAME), registry.detect(written(tmp.resolve("in"), "x-1\n"), 1).detected());

            DatasetImporter importer = registry.importer(FakeFormat.NAME).orElseThrow();
            DatasetExporter exporter = registry.exporter(FakeFormat.UPPER_NAME).orElseThrow();
            Path out = Files.createDirectories(tmp.resolve("out"));
            JobContext context = JobContext.collecting();
            try (DatasetSource source = importer.open(tmp.resolve("in"), OptionParser.named("t").parse(List.of()), context)) {
                exporter.export(source, out, exporter.options().parse(List.of()), context);
            }
            assertEquals("X-1\n", Files.readString(out.resolve(FakeFormat.FILE)));
        }
    }

    private static Path written(Path dir, String items) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FakeFormat.FILE), items);
        return dir;
    }
}
