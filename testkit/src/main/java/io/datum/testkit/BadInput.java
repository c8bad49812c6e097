package io.datum.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset folder with one mistake, and where the format must say it is: the file as the user
 * knows it (relative to the dataset, as {@link io.datum.spi.DatasetException#file()} gives it) and
 * the 1-based line, or -1 where the whole file or an element without line is meant.
 *
 * @param folder the dataset to open and read through
 * @param file   the file the error must name
 * @param line   the line the error must name, or -1 to accept any
 */
public record BadInput(Path folder, String file, long line) {
    public BadInput {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(file, "file");
    }

    /** A bad input whose error names {@code file} at {@code line}. */
    public static BadInput at(Path folder, String file, long line) {
        return new BadInput(folder, file, line);
    }
}
