package io.datum.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Categories;
import io.datum.options.ParsedOptions;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatInfo;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatTableTest {
    @TempDir
    Path dir;

    private static final FormatTable.Provider PROVIDER = new FormatTable.Provider("test", "1", "", 1);

    private static DatasetImporter importer() {
        return new DatasetImporter() {
            @Override
            public DatasetSource open(Path path, ParsedOptions options, JobContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Matches when the directory holds a file of the given name. */
    private static FormatDetector needsFile(String name, Confidence confidence) {
        return d -> Files.exists(d.resolve(name)) ? Detection.match(confidence)
                : Detection.notMet("dataset must contain a file matching pattern \"" + name + "\"");
    }

    private FormatTable table(Object... nameDetectorPairs) {
        FormatTable t = new FormatTable();
        for (int i = 0; i < nameDetectorPairs.length; i += 2) {
            String name = (String) nameDetectorPairs[i];
            t.add(FormatTable.Role.IMPORTER, importer(), name, 0, PROVIDER);
            if (nameDetectorPairs[i + 1] != null) {
                t.add(FormatTable.Role.DETECTOR, nameDetectorPairs[i + 1], name, 0, PROVIDER);
            }
        }
        return t;
    }

    @Test
    void twoProvidersOfOneNameAreReportedAndTheHigherVersionThenTheLowerBundleIdIsUsed() {
        FormatTable t = new FormatTable();
        DatasetImporter shipped = importer();
        DatasetImporter newer = importer();
        DatasetImporter sameVersionLaterBundle = importer();
        t.add(FormatTable.Role.IMPORTER, shipped, "cvat", 0, new FormatTable.Provider("io.datum.format-cvat", "0.9.0", "", 5));
        t.add(FormatTable.Role.EXPORTER, importer(), "cvat", 0, new FormatTable.Provider("io.datum.format-cvat", "0.9.0", "", 5));
        t.add(FormatTable.Role.IMPORTER, sameVersionLaterBundle, "cvat", 0, new FormatTable.Provider("copy", "0.10.0", "", 9));
        assertSame(sameVersionLaterBundle, t.importer("cvat").orElseThrow(), "0.10.0 is higher than 0.9.0");
        t.add(FormatTable.Role.IMPORTER, newer, "cvat", 0, new FormatTable.Provider("other", "0.10.0", "", 7));
        assertSame(newer, t.importer("cvat").orElseThrow(), "equal versions: the lower bundle id");
        assertEquals(List.of("other 0.10.0 import", "copy 0.10.0 import", "io.datum.format-cvat 0.9.0 import export"),
                t.providers("cvat").stream().map(f -> f.provider() + " " + f.version() + (f.canImport() ? " import" : "")
                        + (f.canExport() ? " export" : "")).toList());
        t.remove(FormatTable.Role.IMPORTER, newer);
        t.remove(FormatTable.Role.IMPORTER, sameVersionLaterBundle);
        assertSame(shipped, t.importer("cvat").orElseThrow(), "the next one takes over when the chosen one leaves");
        assertEquals(1, t.providers("cvat").size());
        assertEquals(List.of(), t.providers("none"));
    }

    /** A format bundle's importer with a bug. */
    static final class BuggyImporter implements DatasetImporter {
        @Override
        public DatasetSource open(Path path, ParsedOptions options, JobContext context) {
            return DatasetSource.class.cast(Integer.valueOf(Integer.parseInt("not a number")));
        }
    }

    @Test
    void aFailureIsTracedToTheFormatAndBundleWhoseCodeThrewIt() {
        FormatTable t = new FormatTable();
        t.add(FormatTable.Role.IMPORTER, importer(), "good", 0, new FormatTable.Provider("com.example.good", "1.0.0", "", 3));
        t.add(FormatTable.Role.IMPORTER, new BuggyImporter(), "buggy", 0, new FormatTable.Provider("com.example.buggy", "2.1.0", "", 4));
        RuntimeException thrown = assertThrows(NumberFormatException.class,
                () -> t.importer("buggy").orElseThrow().open(dir, ParsedOptions.none(), JobContext.collecting()));
        FormatInfo culprit = t.providerOf(new IllegalStateException("wrapped", thrown)).orElseThrow();
        assertEquals(List.of("buggy", "com.example.buggy", "2.1.0"), List.of(culprit.name(), culprit.provider(), culprit.version()));
        RuntimeException elsewhere = new RuntimeException("not from a format");
        elsewhere.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.example.Other", "run", null, 1)});
        assertTrue(t.providerOf(elsewhere).isEmpty());
    }

    /**
     * A failure whose stack holds none of a format's service classes, only a helper of another
     * package of the same jar (here: the test classes' folder), is still traced to that format;
     * classes of other jars (core's own classes, the JDK) are not.
     */
    @Test
    void aFailureInAnotherPackageOfTheFormatsJarIsTracedToIt() {
        FormatTable t = new FormatTable();
        t.add(FormatTable.Role.IMPORTER, new BuggyImporter(), "buggy", 0, new FormatTable.Provider("com.example.buggy", "2.1.0", "", 4));
        RuntimeException inHelper = new NumberFormatException("For input string: \"x\"");
        inHelper.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.lang.Integer", "parseInt", null, 1),
                new StackTraceElement("io.datum.model.AttributesTest", "helper", null, 1),
                new StackTraceElement(io.datum.registry.FormatRegistries.class.getName(), "fromServiceLoader", null, 1)});
        RuntimeException wrapped = new IllegalStateException("wrapped", inHelper);
        // this test's own frames would match by package: the service class is in this test's package
        wrapped.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.example.Caller", "run", null, 1)});
        FormatInfo culprit = t.providerOf(wrapped).orElseThrow();
        assertEquals(List.of("buggy", "com.example.buggy"), List.of(culprit.name(), culprit.provider()));

        RuntimeException inCore = new RuntimeException("core's own code");
        inCore.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.lang.Integer", "parseInt", null, 1),
                new StackTraceElement(io.datum.model.Attributes.class.getName(), "get", null, 1),
                new StackTraceElement("io.datum.no.SuchClass", "run", null, 1)});
        assertTrue(t.providerOf(inCore).isEmpty());

        // a format in the registry's own jar (core and formats in one jar): origin tells nothing there
        FormatTable oneJar = new FormatTable();
        Object fromCoresJar = Datasets.of(Categories.empty(), List.of());
        oneJar.add(FormatTable.Role.IMPORTER, fromCoresJar, "bundled", 0, new FormatTable.Provider("all-in-one.jar", "1.0", "", 0));
        assertTrue(oneJar.providerOf(inCore).isEmpty());
    }

    @Test
    void comparesVersionsPartByPart() {
        assertTrue(FormatTable.compareVersions("1.10.0", "1.9.0") > 0);
        assertTrue(FormatTable.compareVersions("0.1.0.SNAPSHOT", "0.1.0") > 0);
        assertTrue(FormatTable.compareVersions("", "0") < 0);
        assertEquals(0, FormatTable.compareVersions("2.13.2", "2.13.2"));
    }

    @Test
    void keepsOnlyTheHighestConfidence() throws IOException {
        Files.createFile(dir.resolve("a.xml"));
        Files.createFile(dir.resolve("b.csv"));
        FormatTable t = table("cvat", needsFile("a.xml", Confidence.MEDIUM), "csvish", needsFile("b.csv", Confidence.LOW));
        DetectionReport r = t.detect(dir, 2);
        assertEquals(List.of("cvat"), r.detected());
        assertEquals("insufficient_confidence", r.rejected().get("csvish").reason());
        assertEquals("Another format (cvat) was matched with more confidence", r.rejected().get("csvish").message());
    }

    @Test
    void reportsAmbiguityAndUnsupportedDetection() throws IOException {
        Files.createFile(dir.resolve("a.xml"));
        FormatTable t = table("zeta", needsFile("a.xml", Confidence.MEDIUM), "alpha", needsFile("a.xml", Confidence.MEDIUM),
                "blind", null);
        DetectionReport r = t.detect(dir, 0);
        assertEquals(List.of("alpha", "zeta"), r.detected());
        assertEquals("detection_unsupported", r.rejected().get("blind").reason());
    }

    @Test
    void descendsIntoASingleSubdirectoryOnlyAsDeepAsAsked() throws IOException {
        Path inner = Files.createDirectories(dir.resolve("one/two"));
        Files.createFile(inner.resolve("a.xml"));
        FormatTable t = table("cvat", needsFile("a.xml", Confidence.MEDIUM));
        assertEquals(List.of("cvat"), t.detect(dir, 2).detected());
        assertEquals(List.of(), t.detect(dir, 1).detected());
        DetectionReport r = t.detect(dir, 1);
        assertTrue(r.rejected().get("cvat").message().contains("a.xml"));
    }

    @Test
    void aFailingDetectorRejectsOnlyItsOwnFormat() throws IOException {
        Files.createFile(dir.resolve("a.xml"));
        FormatDetector broken = d -> {
            throw new IllegalStateException("boom");
        };
        FormatTable t = table("broken", broken, "cvat", needsFile("a.xml", Confidence.MEDIUM));
        DetectionReport r = t.detect(dir, 0);
        assertEquals(List.of("cvat"), r.detected());
        assertTrue(r.rejected().get("broken").message().contains("boom"));
    }

    @Test
    void higherRankingWinsAndRemovalIsSeenAtOnce() {
        FormatTable t = new FormatTable();
        DatasetImporter low = importer();
        DatasetImporter high = importer();
        t.add(FormatTable.Role.IMPORTER, low, "x", 0, PROVIDER);
        t.add(FormatTable.Role.IMPORTER, high, "x", 10, PROVIDER);
        assertSame(high, t.importer("x").orElseThrow());
        t.remove(FormatTable.Role.IMPORTER, high);
        assertSame(low, t.importer("x").orElseThrow());
        t.remove(FormatTable.Role.IMPORTER, low);
        assertFalse(t.importer("x").isPresent());
        assertTrue(t.formats().isEmpty());
    }

    @Test
    void listsFormatsByNameWithTheirRoles() {
        FormatTable t = table("b", needsFile("x", Confidence.MEDIUM), "a", null);
        assertEquals(List.of("a", "b"), t.formats().stream().map(f -> f.name()).toList());
        assertTrue(t.format("b").orElseThrow().canDetect());
        assertFalse(t.format("a").orElseThrow().canExport());
    }

    @Test
    void transformsAreANamespaceOfTheirOwnWithTheFormatsClashRules() {
        FormatTable t = table("cvat", null);
        io.datum.spi.transform.DatasetTransform older = (source, options, context) -> source;
        io.datum.spi.transform.DatasetTransform newer = (source, options, context) -> source;
        t.add(FormatTable.Role.TRANSFORM, older, "cvat", 0, new FormatTable.Provider("a.bundle", "1.0.0", "old", 5));
        t.add(FormatTable.Role.TRANSFORM, newer, "cvat", 0, new FormatTable.Provider("b.bundle", "2.0.0", "new", 9));
        t.add(FormatTable.Role.TRANSFORM, older, "shuffle", 0, new FormatTable.Provider("a.bundle", "1.0.0", "", 5));
        assertEquals(List.of("cvat"), t.formats().stream().map(FormatInfo::name).toList());
        assertTrue(t.format("shuffle").isEmpty(), "a transform is not a format");
        assertEquals(1, t.providers("cvat").size(), "a transform's provider is not a format's");
        assertTrue(t.format("cvat").orElseThrow().canImport());
        assertEquals(List.of("cvat", "shuffle"), t.transforms().stream().map(io.datum.registry.TransformInfo::name).toList());
        assertSame(newer, t.transform("cvat").orElseThrow(), "the higher version wins");
        assertEquals(List.of("b.bundle", "a.bundle"),
                t.transformProviders("cvat").stream().map(io.datum.registry.TransformInfo::provider).toList());
        t.remove(FormatTable.Role.TRANSFORM, newer);
        assertSame(older, t.transform("cvat").orElseThrow(), "the other provider takes over");
        assertThrows(io.datum.spi.DatasetException.class, () -> t.requireTransform("rotate"));
    }

    @Test
    void aSuppliedServiceIsObtainedOnFirstUseOnlyOnceAndNeverForListing() throws IOException {
        FormatTable t = new FormatTable();
        FormatTable.Provider bundle = new FormatTable.Provider("com.example.lazy", "1.0.0", "", 3);
        DatasetImporter importer = new BuggyImporter();
        java.util.concurrent.atomic.AtomicInteger importerCalls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger otherCalls = new java.util.concurrent.atomic.AtomicInteger();
        Object importerKey = new Object();
        t.add(FormatTable.Role.IMPORTER, importerKey, () -> {
            importerCalls.incrementAndGet();
            return importer;
        }, "lazy", 0, bundle);
        t.add(FormatTable.Role.DETECTOR, new Object(), () -> {
            otherCalls.incrementAndGet();
            return needsFile("x", Confidence.MEDIUM);
        }, "lazy", 0, bundle);
        t.add(FormatTable.Role.TRANSFORM, new Object(), () -> {
            otherCalls.incrementAndGet();
            return (io.datum.spi.transform.DatasetTransform) (source, options, context) -> source;
        }, "shuffle", 0, bundle);
        assertEquals(List.of("lazy yes - yes com.example.lazy"), t.formats().stream().map(f -> f.name() + " "
                + (f.canImport() ? "yes" : "-") + " " + (f.canExport() ? "yes" : "-") + " " + (f.canDetect() ? "yes" : "-")
                + " " + f.provider()).toList());
        assertEquals(1, t.providers("lazy").size());
        assertEquals(List.of("shuffle"), t.transforms().stream().map(io.datum.registry.TransformInfo::name).toList());
        RuntimeException unrelated = new RuntimeException("before any service was used");
        unrelated.setStackTrace(new StackTraceElement[] {new StackTraceElement(BuggyImporter.class.getName(), "open", null, 1)});
        assertTrue(t.providerOf(unrelated).isEmpty(), "a service never obtained ran no code");
        assertEquals(0, importerCalls.get() + otherCalls.get(), "listing obtains no service");

        assertSame(importer, t.importer("lazy").orElseThrow());
        assertSame(importer, t.importer("lazy").orElseThrow());
        assertEquals(1, importerCalls.get(), "obtained once, then kept");
        assertEquals(0, otherCalls.get(), "only the service used is obtained");
        assertEquals("com.example.lazy", t.providerOf(unrelated).orElseThrow().provider(), "once obtained, it can be blamed");
        t.remove(FormatTable.Role.IMPORTER, importerKey);
        assertTrue(t.importer("lazy").isEmpty(), "removed by its key");
    }

    @Test
    void aSuppliedServiceThatCannotBeHadIsPassedOverForTheNextProvider() throws IOException {
        FormatTable t = new FormatTable();
        DatasetImporter older = importer();
        t.add(FormatTable.Role.IMPORTER, older, "cvat", 0, new FormatTable.Provider("a.bundle", "1.0.0", "", 5));
        t.add(FormatTable.Role.IMPORTER, new Object(), () -> null, "cvat", 0, new FormatTable.Provider("b.bundle", "2.0.0", "", 9));
        assertEquals("b.bundle", t.format("cvat").orElseThrow().provider(), "listed by what it declares");
        assertSame(older, t.importer("cvat").orElseThrow(), "the one that failed to start is passed over");
        t.add(FormatTable.Role.DETECTOR, new Object(), () -> null, "cvat", 0, new FormatTable.Provider("b.bundle", "2.0.0", "", 9));
        Files.createFile(dir.resolve("x"));
        DetectionReport report = t.detect(dir, 0);
        assertEquals(List.of(), report.detected());
        assertEquals(DetectionReport.Rejection.DETECTION_UNSUPPORTED, report.rejected().get("cvat").reason());
    }
}
