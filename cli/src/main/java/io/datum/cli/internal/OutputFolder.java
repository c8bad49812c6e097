package io.datum.cli.internal;

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
 * {@code --overwrite} replaces the old content only at that moment. Also provides a second hidden
 * sibling for spill files, always removed.
 */
final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final boolean overwrite;
    private final Path work;
    private final Path spill;
    private final Thread cleanupOnExit;
    private boolean committed;

    private OutputFolder(Path target, boolean overwrite) throws IOException {
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
     * {@code --overwrite}. {@code shownName} is the folder as the user typed it.
     */
    static OutputFolder prepare(Path target, boolean overwrite, String shownName) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new CliException("'" + shownName + "' exists and is not a directory");
        }
        if (!overwrite && Files.isDirectory(abs) && !isEmpty(abs)) {
            throw new CliException("Directory '" + shownName + "' already exists (pass --overwrite to overwrite)");
        }
        return new OutputFolder(abs, overwrite);
    }

    /** The folder the exporter writes into. */
    Path workDir() {
        return work;
    }

    /** The folder for spill files. */
    Path spillDir() {
        return spill;
    }

    Path target() {
        return target;
    }

    /** Moves the finished output into place. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) {
            if (!isEmpty(target) && !overwrite) {
                throw new CliException("Directory '" + target + "' already exists (pass --overwrite to overwrite)");
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

    static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    static void deleteTree(Path root) throws IOException {
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
