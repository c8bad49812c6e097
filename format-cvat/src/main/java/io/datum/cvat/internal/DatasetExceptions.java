package io.datum.cvat.internal;

import io.datum.spi.DatasetException;

/** The shapes of error this bundle reports, so that every message names its file the same way. */
final class DatasetExceptions {
    private DatasetExceptions() {
    }

    /** A problem with the whole file. */
    static DatasetException inFile(String file, String problem) {
        return DatasetException.at(file, -1, problem);
    }

    /** A problem at a line of the file. */
    static DatasetException atLine(String file, long line, String problem) {
        return DatasetException.at(file, line, problem);
    }
}
