package io.datum.api;

import io.datum.files.FileErrors;
import io.datum.files.FolderTrees;
import io.datum.files.OwnedFolder;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Where an export writes (decisions D15): a hidden sibling of the requested folder, moved into
 * place only when the export completed. A failed or interrupted run leaves no output folder, and
 * overwriting replaces the old content only at that moment. Also provides a second hidden sibling
 * for spill files, always removed. Close it in a finally block (try-with-resources); a JVM
 * shutdown hook removes the temporaries of an interrupted run, and parent folders made for the
 * output when it was not written. Both hidden folders are {@link OwnedFolder}s, so the next run
 * next to the same output removes those of a killed one.
 */
public final class StagedOutput implements AutoCloseable {
    /** The names of staging and spill folders ({@code .<name>.datum-<tag>}, {@code .<name>.datum-spill-<tag>}). */
    static final String TEMPORARIES_GLOB = ".*.datum-*";
    /** At exit: how long the temporaries are removed again while the run's threads may remake them. */
    private static final long EXIT_REMOVAL_MS = 2_000;
    private static final long EXIT_RECHECK_MS = 20;
    /** At exit: how many checks in a row must find the temporaries gone. */
    private static final int GONE_CHECKS = 5;

    private final Path target;
    private final boolean overwrite;
    private final String shownName;
    /** The outermost folder this run created to hold the target, or null. */
    private final Path createdParent;
    private final Thread cleanupOnExit;
    private volatile OwnedFolder work;
    private volatile OwnedFolder spill;
    private volatile boolean committed;

    private StagedOutput(Path target, boolean overwrite, String shownName) throws IOException {
        this.target = target;
        this.overwrite = overwrite;
        this.shownName = shownName;
        Path parent = target.getParent();
        // registered before anything is made, so that an interrupted run removes all it made
        this.cleanupOnExit = new Thread(this::removeTemporariesAtExit, "datum-output-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            throw new DatasetException("stopped before writing '" + shownName + "': datum is shutting down");
        }
        Path outermostMissing = null;
        for (Path p = parent; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            outermostMissing = p;
        }
        this.createdParent = outermostMissing;
        try {
            Files.createDirectories(parent);
            // leftovers of killed runs next to this output: their owners are gone, so are they
            OwnedFolder.removeStale(parent, TEMPORARIES_GLOB);
            String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
            this.work = OwnedFolder.create(parent.resolve("." + target.getFileName() + ".datum-" + tag));
            this.spill = OwnedFolder.create(parent.resolve("." + target.getFileName() + ".datum-spill-" + tag));
        } catch (IOException e) {
            close();
            throw FileErrors.writing(e, shownName, null);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Checks the requested folder the way the reference does: absent or empty, or
     * {@code overwrite}. {@code shownName} is the folder as the user typed it (for messages).
     */
    public static StagedOutput prepare(Path target, boolean overwrite, String shownName) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new DatasetException("'" + shownName + "' exists and is not a directory; choose another -o");
        }
        if (!overwrite && Files.isDirectory(abs) && !isEmpty(abs)) {
            throw new DatasetException("Directory '" + shownName + "' already exists (pass --overwrite to overwrite)");
        }
        return new StagedOutput(abs, overwrite, shownName);
    }

    /** The folder the exporter writes into. */
    public Path workDir() {
        return work.path();
    }

    /** The folder for spill files. */
    public Path spillDir() {
        return spill.path();
    }

    public Path target() {
        return target;
    }

    /**
     * Moves the finished output into place; not when the thread was interrupted (a signal or a
     * shell's Ctrl-C stopping the run), so that a stopped run never leaves an output behind.
     */
    public void commit() throws IOException {
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("the run was stopped before its output was put in place");
            }
            if (Files.isDirectory(target)) {
                if (!isEmpty(target) && !overwrite) {
                    throw new DatasetException("Directory '" + shownName + "' already exists (pass --overwrite to overwrite)");
                }
                deleteTree(target);
            }
            // the lock file is the staging folder's, not the output's
            work.close();
            Files.deleteIfExists(work.path().resolve(OwnedFolder.LOCK_FILE));
            Files.move(work.path(), target);
        } catch (IOException e) {
            throw FileErrors.writing(e, shownName, null);
        }
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

    /**
     * The shutdown hook's removal. The JVM does not stop the run's threads while hooks run, and
     * one that makes a folder inside the staging folder after it was deleted
     * ({@code Files.createDirectories}) makes the staging folder again; so the removal is repeated
     * until the temporaries have stayed gone for a moment, within a bound that keeps the exit prompt.
     */
    void removeTemporariesAtExit() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_REMOVAL_MS);
        int goneChecks = 0;
        while (goneChecks < GONE_CHECKS && System.nanoTime() < deadline) {
            if (temporariesLeft()) {
                goneChecks = 0;
                removeTemporaries();
            } else {
                goneChecks++;
            }
            try {
                Thread.sleep(EXIT_RECHECK_MS);
            } catch (InterruptedException e) {
                break;
            }
        }
        removeTemporaries();
    }

    private boolean temporariesLeft() {
        return (!committed && work != null && Files.exists(work.path(), LinkOption.NOFOLLOW_LINKS))
                || (spill != null && Files.exists(spill.path(), LinkOption.NOFOLLOW_LINKS));
    }

    private synchronized void removeTemporaries() {
        try {
            if (!committed && work != null && Files.exists(work.path())) {
                work.delete();
            }
            if (spill != null && Files.exists(spill.path())) {
                spill.delete();
            }
            if (!committed && createdParent != null) {
                removeEmptyUpTo(target.getParent(), createdParent);
            }
        } catch (IOException e) {
            // best effort: a leftover is removed by the next run next to it (OwnedFolder.removeStale)
        }
    }

    /** Deletes {@code dir} and its parents up to {@code outermost} while they are empty. */
    private static void removeEmptyUpTo(Path dir, Path outermost) throws IOException {
        for (Path p = dir; p != null && p.startsWith(outermost); p = p.getParent()) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || !isEmpty(p)) {
                return;
            }
            Files.delete(p);
        }
    }

    /** True when the folder has no entries. */
    public static boolean isEmpty(Path dir) throws IOException {
        return FolderTrees.isEmpty(dir);
    }

    /** Deletes a folder and everything in it (links are deleted, not followed). */
    public static void deleteTree(Path root) throws IOException {
        FolderTrees.delete(root);
    }
}
