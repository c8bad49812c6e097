package io.datum.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.it.fake.FakeFormat;
import io.datum.it.fake.FakeDetector;
import io.datum.it.fake.FakeExporter;
import io.datum.it.fake.FakeImporter;
import io.datum.it.fake.FakeUpperExporter;
import io.datum.options.OptionParser;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistries;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.FormatDetector;
import io.datum.spi.JobContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datum without a framework: core and the format jars (as built, from this module's dependencies)
 * on a plain class path, formats found by {@link java.util.ServiceLoader} through
 * {@link FormatRegistries#fromServiceLoader()}. The OSGi annotations are CLASS-retention, so nothing
 * of OSGi is needed at run time for this.
 */
class PlainClasspathTest {
    static final List<Class<?>> ROLES = List.of(FormatDetector.class, DatasetImporter.class, DatasetExporter.class);

    /** The registry lists exactly the formats that the jars' META-INF/services files declare, with their roles. */
    @Test
    void registryMatchesTheServiceFilesOfTheJars() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Map<String, boolean[]> declared = declaredFormats(loader);
        FormatRegistry registry = FormatRegistries.fromServiceLoader();
        Map<String, boolean[]> listed = new TreeMap<>();
        for (FormatInfo f : registry.formats()) {
            listed.put(f.name(), new boolean[] {f.canDetect(), f.canImport(), f.canExport()});
        }
        assertEquals(describe(declared), describe(listed));
    }

    /** A format added to the class path later (a "third-party" jar) is found, and converts. */
    @Test
    void formatAddedToTheClassPathIsFoundAndConverts(@TempDir Path tmp) throws Exception {
        Path services = Files.createDirectories(tmp.resolve("extra/META-INF/services"));
        Files.writeString(services.resolve(FormatDetector.class.getName()), FakeDetector.class.getName() + "\n");
        Files.writeString(services.resolve(DatasetImporter.class.getName()), FakeImporter.class.getName() + "\n");
        Files.writeString(services.resolve(DatasetExporter.class.getName()),
                FakeExporter.class.getName() + "\n" + FakeUpperExporter.class.getName() + "\n");
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

    /** Format name to {detect, import, export}, from every META-INF/services file the loader sees. */
    private static Map<String, boolean[]> declaredFormats(ClassLoader loader) throws Exception {
        Map<String, boolean[]> formats = new TreeMap<>();
        for (int role = 0; role < ROLES.size(); role++) {
            for (URL file : Collections.list(loader.getResources("META-INF/services/" + ROLES.get(role).getName()))) {
                for (String className : classNames(file)) {
                    DatasetFormat f = Class.forName(className, false, loader).getAnnotation(DatasetFormat.class);
                    assertTrue(f != null, className + " (listed in " + file + ") has no @DatasetFormat");
                    formats.computeIfAbsent(f.name(), n -> new boolean[3])[role] = true;
                }
            }
        }
        return formats;
    }

    private static List<String> classNames(URL serviceFile) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(serviceFile.openStream(), StandardCharsets.UTF_8))) {
            return r.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }
    }

    private static String describe(Map<String, boolean[]> formats) {
        return formats.entrySet().stream()
                .map(e -> e.getKey() + " detect=" + e.getValue()[0] + " import=" + e.getValue()[1] + " export=" + e.getValue()[2])
                .collect(Collectors.joining("\n"));
    }
}
