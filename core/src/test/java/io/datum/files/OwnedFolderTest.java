package io.datum.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedFolderTest {
    @TempDir
    Path tmp;

    @Test
    void keepsTheFoldersOfRunningOwners() throws IOException {
        try (OwnedFolder mine = OwnedFolder.create(tmp.resolve(".x.datum-1"))) {
            Files.writeString(mine.path().resolve("spill.bin"), "data");
            assertEquals(0, OwnedFolder.removeStale(tmp, ".*.datum-*"));
            assertTrue(Files.exists(mine.path().resolve("spill.bin")));
        }
    }

    @Test
    void removesTheFoldersOfEndedOwners() throws IOException {
        OwnedFolder ended = OwnedFolder.create(tmp.resolve(".x.datum-1"));
        Files.writeString(ended.path().resolve("spill.bin"), "data");
        ended.close();
        Path unrelated = Files.createDirectories(tmp.resolve("x"));
        assertEquals(1, OwnedFolder.removeStale(tmp, ".*.datum-*"));
        assertFalse(Files.exists(ended.path()));
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void keepsAFolderLockedByAnotherProcess() throws Exception {
        Path folder = tmp.resolve(".x.datum-2");
        Path ready = tmp.resolve("ready");
        // another JVM creates the folder and holds its lock until it is told to end
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OwnedFolderHolder.class.getName(),
                folder.toString(), ready.toString())
                .redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(ready) && System.nanoTime() < deadline && other.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(ready), "the holder did not start");
            assertEquals(0, OwnedFolder.removeStale(tmp, ".*.datum-*"));
            assertTrue(Files.isDirectory(folder));
        } finally {
            other.destroyForcibly().waitFor();
        }
        // killed: the lock is gone with the process, the folder is a leftover
        assertEquals(1, OwnedFolder.removeStale(tmp, ".*.datum-*"));
        assertFalse(Files.exists(folder));
    }

    @Test
    void removesFoldersWithoutLockOnlyWhenOld() throws IOException {
        Path young = Files.createDirectories(tmp.resolve(".a.datum-young"));
        Path old = Files.createDirectories(tmp.resolve(".a.datum-old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(OwnedFolder.UNLOCKED_GRACE.multipliedBy(2))));
        assertEquals(1, OwnedFolder.removeStale(tmp, ".*.datum-*"));
        assertEquals(List.of(young), List.of(Files.list(tmp).toArray(Path[]::new)));
    }

    @Test
    void createsUniqueFoldersOfThisProcessAfterRemovingLeftovers() throws IOException {
        OwnedFolder ended = OwnedFolder.create(tmp.resolve("run-1-0"));
        ended.close();
        Path unrelated = Files.createDirectories(tmp.resolve("other-1"));
        try (OwnedFolder first = OwnedFolder.createUnique(tmp, "run-");
             OwnedFolder second = OwnedFolder.createUnique(tmp, "run-")) {
            String stem = "run-" + ProcessHandle.current().pid() + "-";
            assertEquals(stem + "0", first.path().getFileName().toString());
            assertEquals(stem + "1", second.path().getFileName().toString());
            assertTrue(Files.exists(first.path().resolve(OwnedFolder.LOCK_FILE)));
            assertFalse(Files.exists(ended.path()));
            assertTrue(Files.exists(unrelated));
        }
    }
}
