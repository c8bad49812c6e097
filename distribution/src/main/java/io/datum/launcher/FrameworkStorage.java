package io.datum.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Felix's bundle cache for one run: a new, empty folder {@code datum-felix-<pid>-<n>} in
 * java.io.tmpdir, deleted when the JVM exits (also on Ctrl-C), so that concurrent runs never share
 * a cache and nothing accumulates. A persistent cache would not be faster: {@code reference:}
 * installs copy nothing (osgi-stack.md §6.4).
 */
final class FrameworkStorage {
    private FrameworkStorage() {
    }

    static Path createDeletedAtExit() throws LauncherException {
        Path storage = create();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(storage), "datum-storage-cleanup"));
        return storage;
    }

    /**
     * Not {@code Files.createTempDirectory}: its SecureRandom costs about 15 ms of start-up, and
     * the pid plus an atomic create already make the name unique among concurrent runs.
     */
    private static Path create() throws LauncherException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long pid = ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            try {
                return Files.createDirectory(tmp.resolve("datum-felix-" + pid + "-" + n));
            } catch (FileAlreadyExistsException e) {
                // left behind by a killed process that had the same pid: take the next name
            } catch (IOException e) {
                throw new LauncherException("cannot create the framework storage in " + tmp + " (java.io.tmpdir): "
                        + e.getMessage(), e);
            }
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort at exit: a leftover folder in java.io.tmpdir is harmless.
        }
    }
}
