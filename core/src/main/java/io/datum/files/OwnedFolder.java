package io.datum.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * A working folder (staging, spill files, framework storage) owned by the running process: it
 * holds a lock on the file {@value #LOCK_FILE} inside for as long as it lives. The operating
 * system releases the lock when the process ends, however it ends, so a folder whose lock can be
 * taken is a leftover of a process that was killed, and {@link #removeStale} may delete it without
 * disturbing a run that is still going.
 */
public final class OwnedFolder implements AutoCloseable {
    /** The lock file inside each owned folder. */
    public static final String LOCK_FILE = ".datum-lock";
    /**
     * A matching folder without a lock file is a leftover only when it is this old: a folder is
     * made an instant before its lock file, and a sweep must not delete one in that instant.
     */
    static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);

    private final Path path;
    private final FileChannel channel;

    private OwnedFolder(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates the folder (which must not exist) and takes its lock. */
    public static OwnedFolder create(Path folder) throws IOException {
        Path created = Files.createDirectory(folder);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(created.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new IOException("cannot lock " + created.resolve(LOCK_FILE));
            }
            return new OwnedFolder(created, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            FolderTrees.delete(created);
            throw e;
        }
    }

    /**
     * Creates a new owned folder {@code <prefix><pid>-<n>} in {@code parent}, after removing the
     * leftovers of ended processes named {@code <prefix>*}. The pid keeps concurrent processes
     * apart and {@code n} (the first free one) the folders of one process; the name is taken by an
     * atomic create, so no random name (and no costly secure random source) is needed.
     *
     * @since 1.1
     */
    public static OwnedFolder createUnique(Path parent, String prefix) throws IOException {
        removeStale(parent, prefix + "*");
        String stem = prefix + ProcessHandle.current().pid() + "-";
        for (int n = 0; ; n++) {
            try {
                return create(parent.resolve(stem + n));
            } catch (FileAlreadyExistsException e) {
                // taken by a live folder of this process, or a leftover the sweep could not remove
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Releases the lock; the folder stays (delete it first when it should go). */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the lock; nothing else to do
        }
    }

    /** Releases the lock and deletes the folder with everything in it. */
    public void delete() throws IOException {
        try {
            FolderTrees.delete(path);
        } finally {
            close();
        }
    }

    /**
     * Deletes every folder in {@code parent} whose name matches {@code glob} and whose owner has
     * ended (its lock can be taken). Returns how many were removed; folders that cannot be removed
     * are left alone, since a sweep must never stop the run that does it.
     */
    public static int removeStale(Path parent, String glob) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, glob)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS) && removeIfStale(entry)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable parent: nothing to sweep
        }
        return removed;
    }

    /** Deletes {@code folder} when it is a leftover; true when it did. */
    static boolean removeIfStale(Path folder) {
        Path lockFile = folder.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false; // held by this very process
            }
            if (lock == null) {
                return false; // held by a running process
            }
            // deleted while the lock is held: a second sweeper cannot take it meanwhile
            FolderTrees.delete(folder);
            return true;
        } catch (NoSuchFileException e) {
            return removeIfOldWithoutLock(folder);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean removeIfOldWithoutLock(Path folder) {
        try {
            FileTime modified = Files.getLastModifiedTime(folder);
            if (modified.toInstant().isAfter(Instant.now().minus(UNLOCKED_GRACE)) || Files.exists(folder.resolve(LOCK_FILE))) {
                return false;
            }
            FolderTrees.delete(folder);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
