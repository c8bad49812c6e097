package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The -o of a verb never overlaps an input, and failures name what the user typed. */
class OutputSafetyTest extends CommandLineFixture {
    private Path input;

    @BeforeEach
    void writeInput() throws IOException {
        input = fakeDataset("in", "a train cat", "b test dog");
    }

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void refusesAnOutputThatIsTheInputEvenWithOverwrite() throws IOException {
        List<String> before = tree(dir);
        assertEquals(1, run("convert", "-i", "in", "-f", "other", "-o", "in", "--overwrite"));
        assertTrue(err.endsWith("ERROR: the output folder 'in' is the input 'in'; choose another -o\n"), err);
        assertEquals(before, tree(dir));
        assertEquals(1, run("convert", "-i", "in", "-f", "other", "-o", "x/../in/.", "--overwrite"));
        assertTrue(err.contains("is the input"), err);
        assertEquals(before, tree(dir));
    }

    @Test
    void refusesAnOutputInsideTheInput() throws IOException {
        List<String> before = tree(dir);
        assertEquals(1, run("convert", "-i", "in", "-f", "other", "-o", "in/new/out"));
        assertTrue(err.contains("ERROR: the output folder 'in/new/out' lies inside the input 'in'; choose another -o"), err);
        assertEquals(before, tree(dir));
    }

    @Test
    void refusesAnOutputContainingTheInput() throws IOException {
        Path nested = fakeDataset("outer/in", "a train cat");
        List<String> before = tree(dir);
        assertEquals(1, run("convert", "-i", nested.toString(), "-f", "other", "-o", "outer", "--overwrite"));
        assertTrue(err.contains("ERROR: the output folder 'outer' contains the input '" + nested + "'"), err);
        assertEquals(before, tree(dir));
    }

    @Test
    void seesTheInputThroughALink() throws IOException {
        Files.createSymbolicLink(dir.resolve("alias"), input);
        List<String> before = tree(dir);
        assertEquals(1, run("convert", "-i", "in", "-f", "other", "-o", "alias", "--overwrite"));
        assertTrue(err.contains("is the input 'in'"), err);
        assertEquals(before, tree(dir));
    }

    @Test
    void refusesAProjectExportIntoASource() throws IOException {
        assertEquals(0, run("create", "-o", "proj"));
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", input.toString()));
        List<String> before = tree(dir);
        assertEquals(1, run("export", "-p", "proj", "-f", "other", "-o", "in/sub", "--overwrite"));
        assertTrue(err.contains("ERROR: the output folder 'in/sub' lies inside the input '" + input + "'"), err);
        assertEquals(before, tree(dir));
    }

    @Test
    void refusesSourcesThatRepeatAnItem() throws IOException {
        fakeDataset("second", "c train cat", "b test dog", "d test dog");
        assertEquals(0, run("create", "-o", "proj"));
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", "-n", "first", input.toString()));
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", "-n", "second", dir.resolve("second").toString()));
        assertEquals(1, run("export", "-p", "proj", "-f", "other", "-o", "out"));
        assertTrue(err.contains("ERROR: the sources 'first' and 'second' both have the item 'b' of subset 'test'"), err);
        assertFalse(Files.exists(dir.resolve("out")));
        // one source alone, or sources without a common item, export
        assertEquals(0, run("export", "-p", "proj", "-f", "other", "-o", "out", "second"));
        assertEquals(3, Files.readAllLines(dir.resolve("out/items.txt")).size());
    }

    @Test
    void aSourceMayRepeatAnItemOfItsOwnSubsetOnlyAcrossSubsets() throws IOException {
        fakeDataset("second", "a test cat", "c train dog");
        assertEquals(0, run("create", "-o", "proj"));
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", "-n", "first", input.toString()));
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", "-n", "second", dir.resolve("second").toString()));
        assertEquals(0, run("export", "-p", "proj", "-f", "other", "-o", "out"), err);
        assertEquals(4, Files.readAllLines(dir.resolve("out/items.txt")).size());
    }

    @Test
    void anOutputUnderAFileNamesTheOutputAndWhatToDo() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        assertEquals(1, run("convert", "-i", "in", "-f", "other", "-o", "file/out"));
        assertTrue(err.contains("ERROR: cannot write to 'file/out': a file is in the way of a folder; choose another -o"), err);
        assertFalse(err.contains(".datum-"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void aFailedRunRemovesTheFoldersItMadeForTheOutput() throws IOException {
        Files.write(input.resolve("items.txt"), List.of("a train cat", "boom train dog"));
        assertEquals(1, run("convert", "-i", "in", "-f", "other", "-o", "new/deeper/out"));
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void aCopiedSourceTakesNothingThroughALinkLeadingOut() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(input.resolve("notes.txt"), dir.resolve("secret.txt"));
        assertEquals(0, run("create", "-o", "proj"));
        assertEquals(1, run("import", "-p", "proj", "-f", "fake", "--copy", "-n", "copy", input.toString()));
        assertTrue(err.contains("ERROR: '" + "in/notes.txt' is a link to " + dir.resolve("secret.txt").toRealPath()), err);
        assertFalse(Files.exists(dir.resolve("proj/copy")));
    }

    @Test
    void aSourceIsNotCopiedIntoItself() throws IOException {
        assertEquals(0, run("create", "-o", "in/proj"));
        assertEquals(1, run("import", "-p", "in/proj", "-f", "fake", "--copy", "-n", "copy", input.toString()));
        assertTrue(err.contains("lies inside the input"), err);
        assertFalse(Files.exists(dir.resolve("in/proj/copy")));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void anUnreadableInputFileIsNamedAsTheUserGaveIt() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(root(), "root reads any file");
        Path items = input.resolve("items.txt");
        Files.setPosixFilePermissions(items, java.util.Set.of());
        try {
            assertEquals(1, run("convert", "-i", "in", "-if", "fake", "-f", "other", "-o", "out"));
            assertTrue(err.contains("ERROR: cannot read 'in/items.txt': permission denied"), err);
            assertFalse(Files.exists(dir.resolve("out")));
        } finally {
            Files.setPosixFilePermissions(items, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void anUnwritableOutputFolderIsNamedAsTheUserGaveIt() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(root(), "root writes anywhere");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals(1, run("convert", "-i", "in", "-if", "fake", "-f", "other", "-o", "locked/out"));
            assertTrue(err.contains("ERROR: cannot write to 'locked/out': permission denied; choose another -o"), err);
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
