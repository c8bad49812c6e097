package io.datum.cli.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Default output names as the reference makes them (datum-cli.md §2.7). */
final class Names {
    private Names() {
    }

    /** NFKD, ASCII only, word characters, spaces and dashes kept, lower case, runs of space/dash → one dash. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String kept = ascii.replaceAll("[^\\w\\s-]", "").strip().toLowerCase(Locale.ROOT);
        return kept.replaceAll("[-\\s]+", "-");
    }

    /**
     * {@code base} if no entry of {@code dir} starts with it, else {@code base.N} with N one more than
     * the largest suffix among the entries that start with it (no suffix counts as 0).
     */
    static String nextFree(Path dir, String base, String separator) throws IOException {
        int max = -1;
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(base)) {
                        continue;
                    }
                    int n = 0;
                    String rest = name.substring(base.length());
                    if (rest.startsWith(separator) && rest.substring(separator.length()).matches("\\d+")) {
                        n = Integer.parseInt(rest.substring(separator.length()));
                    }
                    max = Math.max(max, n);
                }
            }
        }
        return max < 0 ? base : base + separator + (max + 1);
    }
}
