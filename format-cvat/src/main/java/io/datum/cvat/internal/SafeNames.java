package io.datum.cvat.internal;

/**
 * Names that are joined to a folder must stay inside it (decisions S1): an item id or image name
 * that is absolute, has a {@code ..} segment, a backslash or a NUL is refused, never followed.
 */
final class SafeNames {
    private SafeNames() {
    }

    /** Why {@code name} cannot be a relative file path inside a folder, or null when it can. */
    static String problem(String name) {
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
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "has a '..' segment";
            }
        }
        return null;
    }

    /** True when {@code name} is usable as one folder or file name (a subset). */
    static boolean isSingleSegment(String name) {
        return problem(name) == null && name.indexOf('/') < 0 && !name.equals(".");
    }
}
