package io.datum.cli.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Default output names as the reference makes them, and the output folder of the verbs that have one. */
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
     * Where a verb writes: {@code path} absolute, {@code shown} as the messages name it (the
     * {@code -o} folder as typed, or a default folder by its name).
     */
    record OutputDir(Path path, String shown) {
    }

    /**
     * The {@code -o} folder {@code typed}, or when none was given the first free name after
     * {@code defaultBase} (see {@link #nextFree}) in the current folder.
     */
    static OutputDir outputDir(Session s, String typed, String defaultBase) throws IOException {
        if (typed != null) {
            return new OutputDir(s.path(typed), typed);
        }
        Path path = s.cwd().resolve(nextFree(s.cwd(), defaultBase, "."));
        return new OutputDir(path, path.getFileName().toString());
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
