package io.datum.openimages.internal.json;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading JSON strictly (as Python's {@code json} reads it, a BOM ignored). Written with
 * {@link io.datum.text.PythonJson}.
 */
public final class JsonFiles {
    /** Deeper label hierarchies than this are refused rather than risking the stack. */
    static final int MAX_DEPTH = 1000;
    /**
     * The real 601-class hierarchy is 89 KB, a {@code dataset_meta.json} of 20,000 labels about
     * 1 MB; a JSON file this large is not a label list. The limits keep a file's tree well inside
     * a 256 MB heap.
     */
    static final long MAX_BYTES = 16L << 20;
    /** Values in one file (each object, list, string, number, ...); the real files hold tens of thousands. */
    static final int MAX_VALUES = 250_000;

    private JsonFiles() {
    }

    /** Reads a JSON file strictly (see {@link StrictJsonParser}); errors name {@code displayName}. */
    public static JsonDocument read(Path file, String displayName) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw DatasetException.at(displayName, -1, "file larger than " + (MAX_BYTES >> 20) + " MB");
        }
        return StrictJsonParser.parse(Files.readAllBytes(file), displayName, MAX_DEPTH, MAX_VALUES);
    }
}
