package io.datum.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPathsTest {
    @TempDir
    Path tmp;
    Path dataset;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        dataset = Files.createDirectories(tmp.resolve("dataset/images"));
        dataset = dataset.getParent();
        outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/x.jpg"), "jpeg");
        Files.writeString(dataset.resolve("images/real.jpg"), "jpeg");
    }

    @Test
    void knowsSafeNames() {
        for (String bad : List.of("", ".", "..", "a/b", "a\\b", "a\0")) {
            assertFalse(FolderPaths.isSingleName(bad), bad);
        }
        assertTrue(FolderPaths.isSingleName("train"));
        for (String bad : List.of("", "/abs", "../x", "a/../b", "a\\b", "a\0b", "C:x")) {
            assertTrue(FolderPaths.nameProblem(bad) != null, bad);
        }
        for (String good : List.of("a", "dir/img2", "a..b", ".hidden", "x y/Z 1")) {
            assertEquals(null, FolderPaths.nameProblem(good), good);
        }
    }

    @Test
    void checksNamesOnTheirBytesAsOnStrings() {
        for (String id : List.of("", "/abs", "../x", "a/../b", "a/..", "..", "a\\b", "a\0b", "C:x", "z:", "1:x", ":x", "a",
                "dir/img2", "a..b", ".hidden", "x y/Z 1", "...", "a/.../b", "\u00e9:x", "\u00e9/../x", "caf\u00e9", "/")) {
            byte[] bytes = ("[" + id + "]").getBytes(StandardCharsets.UTF_8);
            assertEquals(FolderPaths.nameProblem(id) == null, FolderPaths.isSafeName(bytes, 1, bytes.length - 1), id);
        }
    }

    @Test
    void refusesAFileLinkLeadingOut() throws IOException {
        Files.createSymbolicLink(dataset.resolve("images/x.jpg"), outside);
        DatasetException e = assertThrows(DatasetException.class,
                () -> FolderPaths.forReading(dataset).resolve("images/x.jpg"));
        assertTrue(e.getMessage().contains("'dataset/images/x.jpg' is a link to " + outside.toRealPath()), e.getMessage());
    }

    @Test
    void refusesAFolderLinkLeadingOut() throws IOException {
        Files.createSymbolicLink(dataset.resolve("images/train"), tmp.resolve("elsewhere"));
        FolderPaths paths = FolderPaths.forReading(dataset);
        assertThrows(DatasetException.class, () -> paths.resolve("images/train/x.jpg"));
        assertThrows(DatasetException.class, () -> paths.check(dataset.resolve("images/train")));
    }

    @Test
    void refusesAChainOfLinksEndingOut() throws IOException {
        Path second = Files.createSymbolicLink(dataset.resolve("images/second.jpg"), outside);
        Files.createSymbolicLink(dataset.resolve("images/first.jpg"), second);
        assertThrows(DatasetException.class, () -> FolderPaths.forReading(dataset).resolve("images/first.jpg"));
    }

    @Test
    void refusesARelativeLinkClimbingOut() throws IOException {
        Files.createSymbolicLink(dataset.resolve("images/up.jpg"), Path.of("../../secret.txt"));
        assertThrows(DatasetException.class, () -> FolderPaths.forReading(dataset).resolve("images/up.jpg"));
    }

    @Test
    void followsLinksThatStayInside() throws IOException {
        Files.createSymbolicLink(dataset.resolve("images/alias.jpg"), Path.of("real.jpg"));
        Files.createSymbolicLink(dataset.resolve("pictures"), Path.of("images"));
        FolderPaths paths = FolderPaths.forReading(dataset);
        assertEquals("jpeg", Files.readString(paths.resolve("images/alias.jpg")));
        assertEquals("jpeg", Files.readString(paths.resolve("pictures/real.jpg")));
        assertEquals(dataset.resolve("images/missing.jpg"), paths.resolve("images/missing.jpg"));
    }

    @Test
    void judgesLinksByTheRealDatasetFolder() throws IOException {
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), dataset);
        assertEquals("jpeg", Files.readString(FolderPaths.forReading(alias).resolve("images/real.jpg")));
    }

    @Test
    void neverWritesThroughALink() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("images"), dataset.resolve("images"));
        Files.createSymbolicLink(out.resolve("a.jpg"), dataset.resolve("images/real.jpg"));
        FolderPaths paths = FolderPaths.forWriting(out);
        DatasetException e = assertThrows(DatasetException.class, () -> paths.resolve("images/new.jpg"));
        assertTrue(e.getMessage().contains("'images' in the output is a link; refusing to write through it"), e.getMessage());
        assertThrows(DatasetException.class, () -> paths.resolve("a.jpg"));
        assertEquals(out.resolve("masks/m.png"), paths.resolve("masks/m.png"));
    }

    @Test
    void refusesNamesThatLeave() {
        FolderPaths paths = FolderPaths.forWriting(dataset);
        assertThrows(DatasetException.class, () -> paths.resolve("../x"));
        assertThrows(DatasetException.class, () -> paths.resolve("/etc/passwd"));
        assertThrows(DatasetException.class, () -> paths.resolve("."));
    }
}
