package io.datum.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
    private final Path staging = Path.of("/data/.out.datum-1a2b").toAbsolutePath();

    @Test
    void aFullDiskNamesTheOutputAndWhatToDo() {
        IOException full = new IOException("No space left on device");
        assertTrue(FileErrors.isWriteOnly(full));
        assertEquals("cannot write to 'out': no space left on device; free some space or choose another -o",
                FileErrors.writing(full, "out", staging).getMessage());
    }

    @Test
    void aFileOfTheOutputIsNamedInsideTheOutputNeverByTheStagingPath() {
        IOException denied = new AccessDeniedException(staging.resolve("images/a.jpg").toString());
        String message = FileErrors.writing(denied, "out", staging).getMessage();
        assertEquals("cannot write to 'out' (images/a.jpg): permission denied; choose another -o", message);
        IOException readOnly = new FileSystemException(staging.resolve("x.xml").toString(), null, "Read-only file system");
        assertTrue(FileErrors.isWriteOnly(readOnly));
        assertEquals("cannot write to 'out' (x.xml): read-only file system; choose another -o",
                FileErrors.writing(readOnly, "out", staging).getMessage());
    }

    @Test
    void aMissingInputSaysSo() {
        assertEquals("cannot read 'in/labels.csv': no such file or directory; check the path",
                FileErrors.reading(new NoSuchFileException("/abs/in/labels.csv"), "in/labels.csv").getMessage());
        assertFalse(FileErrors.isWriteOnly(new IOException("Is a directory")));
    }
}
