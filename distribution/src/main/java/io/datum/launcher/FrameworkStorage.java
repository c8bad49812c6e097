package io.datum.launcher;

import io.datum.files.OwnedFolder;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * Felix's bundle cache for one run: {@code cache/} in a new folder {@code datum-felix-<pid>-<n>}
 * of java.io.tmpdir, so that concurrent runs never share a cache. The folder is an
 * {@link OwnedFolder}: deleted when the JVM exits (also on Ctrl-C), and, when a run was killed
 * before it could delete it, by the next run, which sees that no process holds its lock. A
 * persistent cache would not be faster: {@code reference:} installs copy nothing (osgi-stack.md §6.4).
 */
final class FrameworkStorage {
    static final String PREFIX = "datum-felix-";

    private FrameworkStorage() {
    }

    /** The folder to give Felix; the cache inside is Felix's own (it empties it on first init). */
    static Path createDeletedAtExit() throws LauncherException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        OwnedFolder.removeStale(tmp, PREFIX + "*");
        OwnedFolder storage = create(tmp);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                storage.delete();
            } catch (IOException e) {
                // the next run removes it: its lock is gone with this process
            }
        }, "datum-storage-cleanup"));
        return storage.path().resolve("cache");
    }

    /**
     * Not {@code Files.createTempDirectory}: its SecureRandom costs about 15 ms of start-up, and
     * the pid plus an atomic create already make the name unique among concurrent runs.
     */
    private static OwnedFolder create(Path tmp) throws LauncherException {
        long pid = ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            try {
                return OwnedFolder.create(tmp.resolve(PREFIX + pid + "-" + n));
            } catch (FileAlreadyExistsException e) {
                // left behind by a process that had the same pid and still runs or was not swept: next name
            } catch (IOException e) {
                throw new LauncherException("cannot create the framework storage in " + tmp + " (java.io.tmpdir): "
                        + e.getMessage(), e);
            }
        }
    }
}
