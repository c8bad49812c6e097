package io.datum.cli.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a report file that leaves earlier ones alone, as the reference names them:
 * {@code BASE.EXT} when no {@code BASE[.N].EXT} exists in the folder, else {@code BASE.(N+1).EXT}
 * after the highest N present ({@code BASE.EXT} counting as 0).
 */
final class NextFileName {
    private NextFileName() {
    }

    static String in(Path folder, String base, String extension) throws IOException {
        Pattern pattern = Pattern.compile(Pattern.quote(base) + "(?:\\.(\\d+))?" + Pattern.quote(extension));
        long max = -1;
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    Matcher m = pattern.matcher(entry.getFileName().toString());
                    if (m.lookingAt()) {
                        max = Math.max(max, m.group(1) == null ? 0 : Long.parseLong(m.group(1)));
                    }
                }
            }
        }
        return max < 0 ? base + extension : base + "." + (max + 1) + extension;
    }
}
