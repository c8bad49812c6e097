package io.datum.files;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Names that come from data (item ids, image names, subsets, mask paths) joined to a folder. A
 * name is usable only when it stays inside the folder: not absolute, no {@code ..} segment, no
 * backslash or NUL. Links are judged by where they lead: reading follows a link only when its
 * real target is inside the folder ({@link #forReading}); writing never goes through one
 * ({@link #forWriting}), since a link in an output folder could make us overwrite any file.
 */
public final class FolderPaths {
    private final Path folder;
    private final boolean reading;
    /** The folder with every link resolved, or null when it does not exist (nothing to read then). */
    private final Path realFolder;

    private FolderPaths(Path folder, boolean reading) {
        this.folder = folder.toAbsolutePath().normalize();
        this.reading = reading;
        this.realFolder = realOrNull(this.folder);
    }

    /** Resolution of names inside an input folder: links that lead outside it are refused. */
    public static FolderPaths forReading(Path folder) {
        return new FolderPaths(folder, true);
    }

    /** Resolution of names inside an output folder: no link is written through. */
    public static FolderPaths forWriting(Path folder) {
        return new FolderPaths(folder, false);
    }

    /** The folder, absolute and normalised. */
    public Path folder() {
        return folder;
    }

    /**
     * Why {@code name} cannot be a relative file path inside a folder, or null when it can. Names
     * may have {@code /} separators (nested folders).
     */
    public static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0)))) {
            return "is an absolute path";
        }
        // names are checked item by item: only split the rare ones that could have a ".." segment
        if (name.contains("..")) {
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..")) {
                    return "has a '..' segment";
                }
            }
        }
        return null;
    }

    /**
     * {@code nameProblem(name) == null} for the UTF-8 bytes {@code utf8[from, to)}, without making
     * a string: ASCII names (nearly all) are checked on their bytes, others decoded first.
     */
    public static boolean isSafeName(byte[] utf8, int from, int to) {
        if (from == to || utf8[from] == '/') {
            return false;
        }
        int segmentStart = from;
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b < 0) {
                return nameProblem(new String(utf8, from, to - from, StandardCharsets.UTF_8)) == null;
            }
            if (b == '\\' || b == 0) {
                return false;
            }
            if (b == '/') {
                if (i - segmentStart == 2 && utf8[segmentStart] == '.' && utf8[segmentStart + 1] == '.') {
                    return false;
                }
                segmentStart = i + 1;
            }
        }
        if (to - segmentStart == 2 && utf8[segmentStart] == '.' && utf8[segmentStart + 1] == '.') {
            return false;
        }
        // "C:..." is absolute on Windows
        byte first = utf8[from];
        return to - from < 2 || utf8[from + 1] != ':' || !(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z');
    }

    /** True when {@code name} is usable as one file or folder name (a subset, a mask file). */
    public static boolean isSingleName(String name) {
        return nameProblem(name) == null && name.indexOf('/') < 0 && !name.equals(".");
    }

    /**
     * The file {@code relative} names inside the folder. Throws a {@link DatasetException} saying
     * what is wrong when the name leaves the folder, or, for reading, when an existing file or
     * folder on the way is a link whose target is outside; for writing, when any of them is a link.
     */
    public Path resolve(String relative) {
        String problem = nameProblem(relative);
        Path resolved = problem == null ? folder.resolve(relative).normalize() : null;
        if (problem == null && (!resolved.startsWith(folder) || resolved.equals(folder))) {
            problem = "leaves the folder " + folder;
        }
        if (problem != null) {
            throw new DatasetException("the path '" + relative + "' " + problem + "; refusing to use it");
        }
        check(resolved);
        return resolved;
    }

    /**
     * Checks a path found inside the folder (by a folder walk, or made by {@link #resolve}) the way
     * {@link #resolve} does, and returns it.
     */
    public Path check(Path file) {
        if (reading) {
            checkReadable(file);
        } else {
            checkWritable(file);
        }
        return file;
    }

    /**
     * {@code file} when it is a regular file (a link to one counts) that may be read, checked as
     * {@link #check} does; null when it is missing or not a regular file, for the caller to report.
     * One call for what a reader asks of each image or mask it looks up.
     */
    public Path regularFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        checkExisting(file);
        return file;
    }

    private void checkReadable(Path file) {
        if (realFolder == null || !Files.exists(file)) {
            // nothing is read from a missing file: the caller reports it as missing
            return;
        }
        checkExisting(file);
    }

    private void checkExisting(Path file) {
        if (realFolder == null) {
            return;
        }
        Path real = realOrNull(file);
        if (real != null && !real.startsWith(realFolder)) {
            throw new DatasetException(shown(file) + " is a link to " + real + ", outside the dataset folder "
                    + folder + "; refusing to read through it (copy the file into the dataset instead)");
        }
    }

    private void checkWritable(Path file) {
        Path relative = folder.relativize(file.toAbsolutePath().normalize());
        Path current = folder;
        for (Path part : relative) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                // named inside the output: the output folder itself may be a hidden staging folder
                throw new DatasetException("'" + folder.relativize(current) + "' in the output is a link; refusing to write through it");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return "'" + (absolute.startsWith(folder) ? folder.getFileName() + "/" + folder.relativize(absolute) : absolute) + "'";
    }

    private static Path realOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code path} with every link resolved: the real path of its nearest existing ancestor, then
     * the names that do not exist yet. {@code path} must be absolute and normalised.
     */
    static Path realOfMaybeMissing(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        Path real = realOrNull(existing);
        return real == null ? path : real.resolve(existing.relativize(path).toString()).normalize();
    }
}
