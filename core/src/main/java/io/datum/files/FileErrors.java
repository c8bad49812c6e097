package io.datum.files;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * I/O failures said in the user's terms: the path as the user gave it ({@code -o}, the input),
 * never a hidden working folder, what went wrong in plain words, and what to do.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * A failure while writing the output the user named {@code shownOutput}, whose files are
     * being written under {@code workDir} (a staging folder; may be null). The file inside the
     * output is named relative to it.
     */
    public static DatasetException writing(IOException e, String shownOutput, Path workDir) {
        String inside = insideOf(e, workDir);
        return new DatasetException("cannot write to '" + shownOutput + "'" + (inside == null ? "" : " (" + inside + ")")
                + ": " + reason(e) + "; " + advice(e), e);
    }

    /** A failure while reading the input the user named {@code shownInput}. */
    public static DatasetException reading(IOException e, String shownInput) {
        return new DatasetException("cannot read '" + shownInput + "': " + reason(e)
                + (e instanceof NoSuchFileException ? "; check the path" : ""), e);
    }

    /** What went wrong, in lower case, without the path. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            // what creating a folder says when a file stands where a folder is needed
            return "a file is in the way of a folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String text = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        if (text == null) {
            text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** Whether the failure is one only writing causes: no space left, a quota, a read-only file system. */
    public static boolean isWriteOnly(IOException e) {
        String reason = reason(e);
        return reason.contains("no space left") || reason.contains("quota") || reason.contains("read-only file system");
    }

    private static String advice(IOException e) {
        String reason = reason(e);
        if (reason.contains("no space left")) {
            return "free some space or choose another -o";
        }
        return "choose another -o";
    }

    private static String insideOf(IOException e, Path workDir) {
        if (!(e instanceof FileSystemException) || workDir == null || ((FileSystemException) e).getFile() == null) {
            return null;
        }
        Path file = Path.of(((FileSystemException) e).getFile()).toAbsolutePath().normalize();
        Path work = workDir.toAbsolutePath().normalize();
        if (!file.startsWith(work) || file.equals(work)) {
            return null;
        }
        return work.relativize(file).toString();
    }
}
