package io.datum.spi;

import io.datum.support.stream.Workers;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a running import or export may use from whoever started it: aggregated warnings
 * (decisions D11), debug detail, progress, and a folder for temporary files. Implemented by
 * whoever runs a job (the command line, an embedding application, a test); formats only call it.
 */
@ConsumerType
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

    /**
     * A warning of one kind about one detail, {@code times} times (none when 0). The kind is the
     * problem and what to do about it ({@code "skipped undeclared attributes (pass
     * --allow-undeclared-attrs)"}); the detail is what it happened to, from a small set (an
     * attribute name, a folder, an annotation type), never a per-item value: those go to
     * {@link #debug}. A front end shows each kind once, with its most frequent details and
     * their counts, so that any dataset gives a few lines.
     *
     * <p>By default the warning is {@link #warn(String, long)} of {@link #text}.
     *
     * @since 1.2
     */
    default void warn(String kind, String detail, long times) {
        if (times > 0) {
            warn(text(kind, detail), times);
        }
    }

    /**
     * A kind and detail in one text, {@code "kind: detail"}, as a context that keeps only texts shows them.
     *
     * @since 1.2
     */
    static String text(String kind, String detail) {
        return detail == null || detail.isEmpty() ? kind : kind + ": " + detail;
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

    /**
     * The threads the job may use besides the caller's: every thread a format or transform works
     * on comes from here, so that whoever runs the job can bound them. By default as many as the
     * work asks for.
     *
     * @since 1.4
     */
    default Workers workers() {
        return Workers.unbounded();
    }

    /** A context that keeps warnings and drops everything else. */
    static CollectingJobContext collecting() {
        return new CollectingJobContext();
    }
}
