package io.datum.api;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where an export writes (decisions D15): a hidden sibling of the requested folder, moved into
 * place only when the export completed. A failed or interrupted run leaves no output folder, and
 * overwriting replaces the old content only at that moment. Also provides a second hidden sibling
 * for spill files, always removed. Close it in a finally block (try-with-resources); a JVM
 * shutdown hook removes the temporaries of an interrupted run.
 */
public final class StagedOutput implements AutoCloseable {
    private final Path target;
    private final boolean overwrite;
    private final Path work;
    private final Path spill;
    private final Thread cleanupOnExit;
    private boolean committed;

    private StagedOutput(Path target, boolean overwrite) throws IOException {
        this.target = target;
        this.overwrite = overwrite;
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
        this.work = Files.createDirectory(parent.resolve("." + target.getFileName() + ".datum-" + tag));
        this.spill = Files.createDirectory(parent.resolve("." + target.getFileName() + ".datum-spill-" + tag));
        this.cleanupOnExit = new Thread(this::removeTemporaries, "datum-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * Checks the requested folder the way the reference does: absent or empty, or
     * {@code overwrite}. {@code shownName} is the folder as the user typed it (for messages).
     */
    public static StagedOutput prepare(Path target, boolean overwrite, String shownName) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new DatasetException("'" + shownName + "' exists and is not a directory");
        }
        if (!overwrite && Files.isDirectory(abs) && !isEmpty(abs)) {
            throw new DatasetException("Directory '" + shownName + "' already exists (pass --overwrite to overwrite)");
        }
        return new StagedOutput(abs, overwrite);
    }

    /** The folder the exporter writes into. */
    public Path workDir() {
        return work;
    }

    /** The folder for spill files. */
    public Path spillDir() {
        return spill;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished output into place. */
    public void commit() throws IOException {
        if (Files.isDirectory(target)) {
            if (!isEmpty(target) && !overwrite) {
                throw new DatasetException("Directory '" + target + "' already exists (pass --overwrite to overwrite)");
            }
            deleteTree(target);
        }
        Files.move(work, target);
        committed = true;
    }

    @Override
    public void close() {
        removeTemporaries();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }

    private void removeTemporaries() {
        try {
            if (!committed && Files.exists(work)) {
                deleteTree(work);
            }
            if (Files.exists(spill)) {
                deleteTree(spill);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden folder is reported by nothing and harms nothing
        }
    }

    /** True when the folder has no entries. */
    public static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes a folder and everything in it (links are deleted, not followed). */
    public static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
