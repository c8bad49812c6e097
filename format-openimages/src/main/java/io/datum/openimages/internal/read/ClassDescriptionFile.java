package io.datum.openimages.internal.read;

import io.datum.model.LabelCategory;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A class description file named by the user ({@code LabelName,DisplayName} rows, with or without
 * that header), read as the importer reads the dataset's own.
 */
public final class ClassDescriptionFile {
    private ClassDescriptionFile() {
    }

    /** The labels of {@code file} in file order, each with its display name; errors name the file as given. */
    public static List<LabelCategory> read(Path file, String shownAs) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(shownAs + ": no such file");
        }
        return CategoriesReader.classDescriptions(file, shownAs, true);
    }
}
