package io.datum.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input of a pipeline: a dataset at {@code path} in {@code format} (null: detected). Messages
 * name it {@code shownAs} (the path as the user typed it) and, when several inputs are joined,
 * {@code name} (a project's source name).
 */
public record DatasetInput(Path path, String format, String shownAs, String name) {
    public DatasetInput {
        Objects.requireNonNull(path, "path");
        shownAs = shownAs == null ? path.toString() : shownAs;
        name = name == null ? shownAs : name;
    }

    public static DatasetInput of(Path path, String format) {
        return new DatasetInput(path, format, null, null);
    }
}
