package io.datum.openimages.internal.detect;

/**
 * Shell-style matching of file names against the layout's patterns, case-sensitive as on POSIX.
 * The patterns only use {@code *}; every other character is literal.
 */
public final class NamePatterns {
    private NamePatterns() {
    }

    public static boolean matches(String pattern, String name) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(name);
        }
        if (!name.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return name.length() - last.length() >= at && name.endsWith(last);
    }
}
