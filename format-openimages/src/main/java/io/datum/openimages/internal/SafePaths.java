package io.datum.openimages.internal;

import io.datum.spi.DatasetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Checks for names that come from data and end up in paths (decisions S1): nothing read from a
 * dataset may make us read or write outside the dataset or output folder.
 */
final class SafePaths {
    private SafePaths() {
    }

    /**
     * A single path component as the reference accepts it for subsets, mask paths and box ids:
     * not empty, not {@code .} or {@code ..}, no {@code /}, {@code \} or NUL.
     */
    static boolean isSafeComponent(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /**
     * An item id used as a relative path: not empty, not absolute, no {@code ..} segment, no
     * backslash or NUL. Ids may contain {@code /} (nested image folders).
     */
    static boolean isSafeItemId(String id) {
        if (id.isEmpty() || id.startsWith("/") || id.indexOf('\\') >= 0 || id.indexOf('\0') >= 0) {
            return false;
        }
        // ids are checked row by row: only split the rare ones that could have a ".." segment
        if (id.contains("..")) {
            for (String segment : id.split("/", -1)) {
                if (segment.equals("..")) {
                    return false;
                }
            }
        }
        // "C:..." is absolute on Windows
        return id.length() < 2 || id.charAt(1) != ':' || !Character.isLetter(id.charAt(0));
    }

    /**
     * {@link #isSafeItemId(String)} of the UTF-8 bytes {@code utf8[from, to)}: ASCII ids (nearly
     * all) are checked on their bytes, others decoded first.
     */
    static boolean isSafeItemId(byte[] utf8, int from, int to) {
        if (from == to || utf8[from] == '/') {
            return false;
        }
        int segmentStart = from;
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b < 0) {
                return isSafeItemId(new String(utf8, from, to - from, StandardCharsets.UTF_8));
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

    /** {@code base.resolve(relative)}, refusing anything that would land outside {@code base}. */
    static Path resolveInside(Path base, String relative) {
        Path normalBase = base.toAbsolutePath().normalize();
        Path resolved = normalBase.resolve(relative).normalize();
        if (!resolved.startsWith(normalBase) || resolved.equals(normalBase)) {
            throw new DatasetException("refusing to use the path '" + relative + "': it leaves " + base);
        }
        return resolved;
    }
}
