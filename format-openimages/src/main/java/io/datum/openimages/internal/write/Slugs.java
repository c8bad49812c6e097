package io.datum.openimages.internal.write;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The reference's {@code make_file_name} (Django's slugify), used for mask file names: Unicode
 * NFKD, non-ASCII dropped, everything but word characters, whitespace and {@code -} deleted,
 * trimmed, lower-cased, runs of whitespace and {@code -} turned into one {@code -}.
 */
public final class Slugs {
    private Slugs() {
    }

    public static String fileName(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 128 && (isWord(c) || isSpace(c) || c == '-')) {
                kept.append(c);
            }
        }
        int start = 0;
        int end = kept.length();
        while (start < end && isSpace(kept.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(kept.charAt(end - 1))) {
            end--;
        }
        String trimmed = kept.substring(start, end).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean inRun = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '-' || isSpace(c)) {
                if (!inRun) {
                    out.append('-');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Python's {@code \s} and {@code str.strip()} on ASCII: also the separators 0x1c-0x1f. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
}
