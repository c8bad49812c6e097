package io.datum.benchmarks;

import io.datum.registry.FormatRegistries;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the format benchmarks share: the formats found on the class path (as {@code Datum.onClassPath()}
 * finds them), a temporary folder deleted at the end, and a job context that keeps warnings and
 * puts spill files in that folder. The synthetic items have no image files (as bench/run's
 * datasets); the smoke test checks that missing images are all the formats warn about, since data
 * that makes a format drop boxes or attributes would measure the wrong thing.
 */
final class Workspace implements JobContext, AutoCloseable {
    final FormatRegistry formats = FormatRegistries.fromServiceLoader();
    final Path root;
    private final Map<String, Long> warnings = new ConcurrentHashMap<>();
    private int folders;

    Workspace() {
        try {
            root = Files.createTempDirectory("datum-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty folder under the workspace. */
    Path newFolder(String prefix) throws IOException {
        return Files.createDirectory(root.resolve(prefix + "-" + folders++));
    }

    /** Writes {@code source} with the exporter of {@code format} (no options) into a new folder. */
    Path export(DatasetSource source, String format) throws IOException {
        Path dir = newFolder(format);
        DatasetExporter exporter = formats.requireExporter(format);
        exporter.export(source, dir, exporter.options().parse(List.of()), this);
        return dir;
    }

    /** One pass over all items of {@code source}; returns the number of annotations seen. */
    static long onePass(DatasetSource source) {
        long annotations = 0;
        try (ItemCursor cursor = source.items()) {
            while (cursor.hasNext()) {
                annotations += cursor.next().annotations().size();
            }
        }
        return annotations;
    }

    Map<String, Long> warnings() {
        return Map.copyOf(warnings);
    }

    @Override
    public void warn(String message) {
        warnings.merge(message, 1L, Long::sum);
    }

    @Override
    public void warn(String message, long times) {
        warnings.merge(message, times, Long::sum);
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public boolean debugEnabled() {
        return false;
    }

    @Override
    public Path tempDir() {
        return root;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(root);
    }
}
