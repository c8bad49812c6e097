package io.datum.spi;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running import or export may use from whoever started it: aggregated warnings
 * (decisions D11), debug detail, progress, and a folder for temporary files.
 */
@ProviderType
public interface JobContext {
    /**
     * A warning. Identical texts are counted and shown once with their count, so put the kind of
     * problem here and the per-item detail in {@link #debug}.
     */
    void warn(String message);

    /**
     * The same warning {@code times} times at once, for a format that counts repeated problems
     * itself rather than building a message for each.
     */
    default void warn(String message, long times) {
        for (long i = 0; i < times; i++) {
            warn(message);
        }
    }

    /** Detail, shown with {@code --loglevel debug}. */
    void debug(String message);

    /** Whether {@link #debug} shows anything; lets a format skip building per-item detail. */
    default boolean debugEnabled() {
        return true;
    }

    /** Items done so far, and the total when known (else -1). */
    default void progress(long done, long total) {
    }

    /** A folder for spill files that lives as long as the job; null means the system temp folder. */
    default Path tempDir() {
        return null;
    }

    /** A context that keeps warnings and drops everything else. */
    static CollectingJobContext collecting() {
        return new CollectingJobContext();
    }
}
