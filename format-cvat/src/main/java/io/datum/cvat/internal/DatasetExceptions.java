package io.datum.cvat.internal;

import io.datum.spi.DatasetException;

/** The shapes of error this bundle reports, so that every message names its file the same way. */
public final class DatasetExceptions {
    private DatasetExceptions() {
    }

    /** A problem with the whole file. */
    public static DatasetException inFile(String file, String problem) {
        return DatasetException.at(file, -1, problem);
    }

    /** A problem at a line of the file. */
    public static DatasetException atLine(String file, long line, String problem) {
        return DatasetException.at(file, line, problem);
    }
}
