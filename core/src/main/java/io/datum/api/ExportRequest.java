package io.datum.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a pipeline is written: the output folder, the format and its own options (as after
 * {@code datum convert ... --}), whether an existing non-empty folder is replaced, and the folder's
 * name as the user typed it (for messages).
 */
public record ExportRequest(Path dir, String format, List<String> options, boolean overwrite, String shownAs) {
    public ExportRequest {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(format, "format");
        options = List.copyOf(options);
        shownAs = shownAs == null ? dir.toString() : shownAs;
    }

    public static ExportRequest of(Path dir, String format, String... options) {
        return new ExportRequest(dir, format, List.of(options), false, null);
    }

    /** The same request replacing the folder's content when it is not empty. */
    public ExportRequest overwriting(boolean replace) {
        return new ExportRequest(dir, format, options, replace, shownAs);
    }

    /** The same request naming the folder {@code name} in messages. */
    public ExportRequest shownAs(String name) {
        return new ExportRequest(dir, format, options, overwrite, name);
    }
}
