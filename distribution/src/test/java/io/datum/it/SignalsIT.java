package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/datum} stopped by SIGTERM at several moments — during start-up and in the middle of
 * a conversion — exits 143 without a word and leaves nothing: no output, no staging or spill
 * folder, no framework storage. Killed with SIGKILL, it leaves them, and the next run removes them.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SignalsIT {
    /** Enough items for a conversion of a few seconds, so that it can be stopped in the middle. */
    private static final int ITEMS = 200_000;

    static Path home;
    @TempDir
    static Path shared;
    static Path dataset;

    @BeforeAll
    static void distributionAndDataset() throws IOException {
        home = TestHome.home();
        dataset = openImages(shared.resolve("ds"), ITEMS);
    }

    /** An Open Images dataset: two classes, {@code items} images of known size, three boxes each. */
    private static Path openImages(Path root, int items) throws IOException {
        Path annotations = Files.createDirectories(root.resolve("annotations"));
        Files.writeString(annotations.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName\n/m/a,A\n/m/b,B\n");
        try (BufferedWriter ids = Files.newBufferedWriter(annotations.resolve("image_ids_and_rotation.csv"));
             BufferedWriter meta = Files.newBufferedWriter(annotations.resolve("images.meta"));
             BufferedWriter boxes = Files.newBufferedWriter(annotations.resolve("oidv6-train-annotations-bbox.csv"))) {
            ids.write("ImageID,Subset\n");
            boxes.write("ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,"
                    + "IsDepiction,IsInside\n");
            for (int i = 0; i < items; i++) {
                String id = String.format("%016x", i);
                ids.write(id + ",train\n");
                meta.write(id + " 100 100\n");
                for (int b = 0; b < 3; b++) {
                    boxes.write(id + ",x,/m/a,1,0.1,0.5,0.2,0.6,0,0,0,0,0\n");
                }
            }
        }
        return root;
    }

    private record Started(Process process, Path cwd, Path javaTmp, Path out, Path err) {
        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    private static Started convert(Path tmp, Map<String, String> env) throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DATUM_JAVA_OPTS", "-Djava.io.tmpdir=" + javaTmp);
        all.putIfAbsent("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder pb = LauncherScriptIT.command(home, all, "convert", "-i", dataset.toString(), "-if", "open_images",
                "-f", "cvat", "-o", "parent/out").directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Started(pb.start(), cwd, javaTmp, out, err);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static boolean awaitEntry(Path dir, Predicate<String> name, Process alive) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && alive.isAlive()) {
            if (Files.isDirectory(dir) && entries(dir).stream().anyMatch(name)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static void assertStoppedQuietlyLeavingNothing(Started s, String when) throws Exception {
        assertTrue(s.process().waitFor(60, TimeUnit.SECONDS), when + ": the run ended");
        String err = s.stderr();
        assertEquals(143, s.process().exitValue(), when + ": exit code; stderr:\n" + err);
        assertFalse(err.contains("\tat ") || err.contains("internal error") || err.contains("ERROR")
                || err.contains("Exception"), when + ": stderr:\n" + err);
        assertEquals(List.of(), entries(s.cwd()), when + ": left in the working directory");
        assertEquals(List.of(), entries(s.javaTmp()), when + ": left in java.io.tmpdir");
    }

    @Test
    void sigtermDuringStartUpExits143QuietlyAndLeavesNothing(@TempDir Path tmp) throws Exception {
        // the first run of an installation takes the script's other path (it makes the class-data archive)
        long[] delaysMs = {0, 150, 400, 800};
        for (int i = 0; i < delaysMs.length; i++) {
            Path runDir = Files.createDirectories(tmp.resolve("run-" + i));
            Started s = convert(runDir, Map.of());
            Thread.sleep(delaysMs[i]);
            s.process().destroy();
            assertStoppedQuietlyLeavingNothing(s, "SIGTERM after " + delaysMs[i] + " ms");
        }
    }

    @Test
    void sigtermInTheMiddleOfAConversionExits143QuietlyAndLeavesNothing(@TempDir Path tmp) throws Exception {
        for (String cds : List.of("on", "off")) {
            Path runDir = Files.createDirectories(tmp.resolve("cds-" + cds));
            Started s = convert(runDir, Map.of("DATUM_CDS", cds));
            // the export has begun: its staging folder is there
            assertTrue(awaitEntry(s.cwd(), n -> n.startsWith("parent/.out.datum-"), s.process()), "staging appeared");
            Thread.sleep(300);
            s.process().destroy();
            assertStoppedQuietlyLeavingNothing(s, "SIGTERM mid-conversion, CDS " + cds);
        }
    }

    @Test
    void afterSigkillTheNextRunRemovesWhatTheKilledOneLeft(@TempDir Path tmp) throws Exception {
        // CDS off: the script execs java, so the process killed is the JVM itself
        Started killed = convert(tmp, Map.of("DATUM_CDS", "off"));
        assertTrue(awaitEntry(killed.cwd(), n -> n.startsWith("parent/.out.datum-spill-"), killed.process()));
        Thread.sleep(300);
        killed.process().destroyForcibly();
        killed.process().waitFor(30, TimeUnit.SECONDS);
        List<String> left = entries(killed.cwd());
        assertTrue(left.stream().anyMatch(n -> n.startsWith("parent/.out.datum-")), left::toString);
        assertFalse(entries(killed.javaTmp()).isEmpty(), "framework storage left");

        Started next = convert(tmp, Map.of("DATUM_CDS", "off"));
        assertTrue(next.process().waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, next.process().exitValue(), next.stderr());
        assertEquals(List.of("parent", "parent/out"), entries(next.cwd()).stream().filter(n -> !n.startsWith("parent/out/")).toList());
        assertEquals(List.of(), entries(next.javaTmp()));
    }
}
