package io.datum.files;

import io.datum.spi.DatasetException;
import java.nio.file.Path;

/**
 * An output folder must neither be, contain nor lie inside an input: replacing the output
 * ({@code --overwrite}) would delete the input, and writing into it would change it. Links and
 * {@code ..} are resolved first, so two spellings of one folder are seen as one.
 */
public final class SeparateFolders {
    private SeparateFolders() {
    }

    /**
     * Throws a {@link DatasetException} naming both folders, as the user typed them, when
     * {@code output} is, contains or lies inside {@code input}.
     */
    public static void check(Path input, String shownInput, Path output, String shownOutput) {
        Path in = FolderPaths.realOfMaybeMissing(input.toAbsolutePath().normalize());
        Path out = FolderPaths.realOfMaybeMissing(output.toAbsolutePath().normalize());
        String relation;
        if (in.equals(out)) {
            relation = "is the input";
        } else if (out.startsWith(in)) {
            relation = "lies inside the input";
        } else if (in.startsWith(out)) {
            relation = "contains the input";
        } else {
            return;
        }
        throw new DatasetException("the output folder '" + shownOutput + "' " + relation + " '" + shownInput
                + "'; choose another -o");
    }
}
