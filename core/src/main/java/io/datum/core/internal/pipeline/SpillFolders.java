package io.datum.core.internal.pipeline;

import io.datum.files.OwnedFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Spill folders of the verbs that write no output folder ({@code dinfo}, {@code stats}): owned
 * folders in java.io.tmpdir, so that the leftovers of a killed run are removed by the next one
 * and a run still going keeps its own.
 */
final class SpillFolders {
    static final String PREFIX = "datum-spill-";

    private SpillFolders() {
    }

    /** A new spill folder, after removing those whose run has ended; delete it when done. */
    static OwnedFolder create() throws IOException {
        return OwnedFolder.createUnique(Path.of(System.getProperty("java.io.tmpdir")), PREFIX);
    }
}
