package io.datum.core.internal.pipeline;

import io.datum.files.OwnedFolder;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

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
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        OwnedFolder.removeStale(tmp, PREFIX + "*");
        while (true) {
            String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
            try {
                return OwnedFolder.create(tmp.resolve(PREFIX + ProcessHandle.current().pid() + "-" + tag));
            } catch (FileAlreadyExistsException e) {
                // taken: another tag
            }
        }
    }
}
