package io.datum.api;

import io.datum.support.stream.Workers;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a pipeline reports while it runs, to whoever started it: warnings (a kind of problem with a
 * detail from a small set, counted), debug detail and progress. Every method has a default that
 * ignores it. Calls may come from more than one thread.
 */
@ConsumerType
public interface DatasetListener {
    /** A listener that ignores everything; the results still carry the warnings. */
    DatasetListener IGNORE = new DatasetListener() {
    };

    /** A warning of one kind about one detail ({@code ""} for none), {@code times} times. */
    default void warn(String kind, String detail, long times) {
    }

    /** Whether {@link #debug} shows anything; lets formats and transforms skip building detail. */
    default boolean debugEnabled() {
        return false;
    }

    default void debug(String message) {
    }

    /** The inputs are open and the export starts. */
    default void exportStarted() {
    }

    /**
     * The output has read {@code done} items of its pass number {@code pass} (from 1: an exporter
     * may count first, then write); {@code total} is the item count when known, else -1. Called
     * for every item: keep it cheap.
     */
    default void itemsRead(int pass, long done, long total) {
    }

    /**
     * The threads the run may use besides the caller's: formats, transforms and the pipeline's
     * read-ahead take every thread they work on from here. By default as many as the work asks for;
     * {@link Workers#bounded} limits them (with 1, the whole run is on the caller's thread).
     *
     * @since 1.2
     */
    default Workers workers() {
        return Workers.unbounded();
    }
}
