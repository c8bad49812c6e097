package io.datum.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One input of a pipeline: a dataset at {@code path} in {@code format} (null: detected), opened
 * with the importer's own {@code options} (as after {@code datum import -f FORMAT ... --}).
 * Messages name it {@code shownAs} (the path as the user typed it; null: the path) and, when
 * several inputs are joined, {@code name} (a project's source name; null: {@code shownAs}).
 */
public record DatasetInput(Path path, String format, List<String> options, String shownAs, String name) {
    public DatasetInput {
        Objects.requireNonNull(path, "path");
        options = options == null ? List.of() : List.copyOf(options);
        shownAs = shownAs == null ? path.toString() : shownAs;
        name = name == null ? shownAs : name;
    }

    public static DatasetInput of(Path path, String format) {
        return new DatasetInput(path, format, List.of(), null, null);
    }
}
