package io.datum.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {
    @TempDir
    Path dir;

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theOutputAppearsOnlyOnCommit() throws IOException {
        Path target = dir.resolve("out");
        try (StagedOutput out = StagedOutput.prepare(target, false, "out")) {
            Files.writeString(out.workDir().resolve("a.txt"), "x");
            assertFalse(Files.exists(target));
            out.commit();
        }
        assertEquals("x", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), entries());
    }

    @Test
    void aStoppedRunIsNotPutInPlace() throws IOException {
        // a signal or Ctrl-C interrupts the run's thread: whatever it finished, nothing may appear
        try (StagedOutput out = StagedOutput.prepare(dir.resolve("out"), false, "out")) {
            Files.writeString(out.workDir().resolve("a.txt"), "x");
            Thread.currentThread().interrupt();
            try {
                assertThrows(DatasetException.class, out::commit);
            } finally {
                Thread.interrupted();
            }
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void anUncommittedOutputLeavesNothing() throws IOException {
        try (StagedOutput out = StagedOutput.prepare(dir.resolve("out"), false, "out")) {
            Files.writeString(out.workDir().resolve("a.txt"), "x");
            Files.writeString(out.spillDir().resolve("spill.bin"), "y");
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void aNonEmptyTargetNeedsOverwriteAndIsReplacedOnlyOnCommit() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");
        DatasetException e = assertThrows(DatasetException.class, () -> StagedOutput.prepare(target, false, "out"));
        assertEquals("Directory 'out' already exists (pass --overwrite to overwrite)", e.getMessage());
        try (StagedOutput out = StagedOutput.prepare(target, true, "out")) {
            Files.writeString(out.workDir().resolve("new.txt"), "new");
            assertTrue(Files.exists(target.resolve("old.txt")));
            out.commit();
        }
        assertFalse(Files.exists(target.resolve("old.txt")));
        assertTrue(Files.exists(target.resolve("new.txt")));
    }

    @Test
    void anEmptyExistingTargetIsFine() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        try (StagedOutput out = StagedOutput.prepare(target, false, "out")) {
            out.commit();
        }
        assertTrue(StagedOutput.isEmpty(target));
    }

    @Test
    void aFailedRunRemovesTheParentFoldersItMade() throws IOException {
        Files.createDirectories(dir.resolve("kept"));
        try (StagedOutput out = StagedOutput.prepare(dir.resolve("kept/new/deeper/out"), false, "out")) {
            Files.writeString(out.workDir().resolve("a.txt"), "x");
        }
        assertEquals(List.of("kept"), entries());
        assertTrue(StagedOutput.isEmpty(dir.resolve("kept")));
    }

    @Test
    void aCommittedRunKeepsTheParentFoldersItMade() throws IOException {
        try (StagedOutput out = StagedOutput.prepare(dir.resolve("new/out"), false, "out")) {
            out.commit();
        }
        assertTrue(Files.isDirectory(dir.resolve("new/out")));
        assertEquals(List.of("out"), Files.list(dir.resolve("new")).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void removesTheStagingLeftOverByAKilledRun() throws IOException {
        // what a killed run leaves: its folders, their lock files no longer locked by anyone
        Path staging = Files.createDirectories(dir.resolve(".out.datum-0123abcd"));
        Path spill = Files.createDirectories(dir.resolve(".other.datum-spill-0123abcd"));
        Files.writeString(staging.resolve(io.datum.files.OwnedFolder.LOCK_FILE), "");
        Files.writeString(spill.resolve(io.datum.files.OwnedFolder.LOCK_FILE), "");
        Files.writeString(spill.resolve("run-1.bin"), "spilled");
        try (StagedOutput out = StagedOutput.prepare(dir.resolve("out"), false, "out")) {
            try (StagedOutput concurrent = StagedOutput.prepare(dir.resolve("out2"), false, "out2")) {
                // a run going on next to it keeps its own
                assertTrue(Files.isDirectory(out.workDir()) && Files.isDirectory(out.spillDir()));
                assertEquals(4, entries().size());
            }
            out.commit();
        }
        assertEquals(List.of("out"), entries());
        assertEquals(List.of(), Files.list(dir.resolve("out")).toList(), "no lock file in the output");
    }

    @Test
    void anUnwritableOutputIsNamedAsTheUserTypedIt() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        DatasetException e = assertThrows(DatasetException.class,
                () -> StagedOutput.prepare(file.resolve("out"), false, "file/out"));
        assertEquals("cannot write to 'file/out': a file is in the way of a folder; choose another -o", e.getMessage());
    }

    @Test
    void atExitAStagingFolderMadeAgainByAWriterStillRunningIsRemovedToo() throws Exception {
        Path target = dir.resolve("parent/out");
        StagedOutput out = StagedOutput.prepare(target, false, "parent/out");
        Path work = out.workDir();
        // a writer the signal did not stop: as soon as the staging folder is gone it makes its
        // images folder, and createDirectories makes the staging folder (and parent) again
        Thread writer = new Thread(() -> {
            try {
                while (Files.exists(work)) {
                    Thread.onSpinWait();
                }
                Files.createDirectories(work.resolve("images"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        out.removeTemporariesAtExit();
        writer.join();
        assertEquals(List.of(), entries(), "left after the exit removal");
        out.close();
    }
}
