package io.datum.launcher;

import io.datum.files.OwnedFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Felix's bundle cache for one run: {@code cache/} in a new folder {@code datum-felix-<pid>-<n>}
 * of java.io.tmpdir, so that concurrent runs never share a cache. The folder is an
 * {@link OwnedFolder}: deleted when the JVM exits (also on Ctrl-C), and, when a run was killed
 * before it could delete it, by the next run, which sees that no process holds its lock. A
 * persistent cache would not be faster: {@code reference:} installs copy nothing.
 */
final class FrameworkStorage {
    static final String PREFIX = "datum-felix-";

    private FrameworkStorage() {
    }

    /** The folder to give Felix; the cache inside is Felix's own (it empties it on first init). */
    static Path createDeletedAtExit() throws LauncherException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        OwnedFolder storage;
        try {
            storage = OwnedFolder.createUnique(tmp, PREFIX);
        } catch (IOException e) {
            throw new LauncherException("cannot create the framework storage in " + tmp + " (java.io.tmpdir): "
                    + e.getMessage(), e);
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(storage), "datum-storage-cleanup"));
        } catch (IllegalStateException e) {
            // the JVM is already exiting (a signal came before the launcher took over the signals):
            // no hook will run for this folder, so it goes now, and the run stops without a word
            Termination.jvmExiting();
            deleteQuietly(storage);
            throw new LauncherException("the JVM is exiting", e);
        }
        return storage.path().resolve("cache");
    }

    private static void deleteQuietly(OwnedFolder storage) {
        try {
            storage.delete();
        } catch (IOException e) {
            // the next run removes it: its lock is gone with this process
        }
    }
}
