package io.datum.testkit;

import io.datum.spi.JobContext;
import io.datum.support.stream.Workers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A job context for a format's tests of spilling and of the way a reader takes: its spill files go
 * to a folder the test watches, its debug lines are kept for the test to read (from whatever
 * thread they came), its warnings are dropped, and its threads are the workers given.
 */
public final class FolderJobContext implements JobContext {
    private final Path tempDir;
    private final Workers workers;
    private final boolean debugEnabled;
    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());

    /** Spill files in {@code tempDir}; as many threads as the work asks for; debug enabled. */
    public FolderJobContext(Path tempDir) {
        this(tempDir, Workers.unbounded(), true);
    }

    /**
     * @param debugEnabled what {@link #debugEnabled()} answers: false to check what a format
     *                     reports even when nobody asked for detail
     */
    public FolderJobContext(Path tempDir, Workers workers, boolean debugEnabled) {
        this.tempDir = tempDir;
        this.workers = workers;
        this.debugEnabled = debugEnabled;
    }

    /** The debug lines so far, in the order they came. */
    public List<String> debugLines() {
        synchronized (debug) {
            return List.copyOf(debug);
        }
    }

    @Override
    public void warn(String message) {
    }

    @Override
    public void debug(String message) {
        debug.add(message);
    }

    @Override
    public boolean debugEnabled() {
        return debugEnabled;
    }

    @Override
    public Path tempDir() {
        return tempDir;
    }

    @Override
    public Workers workers() {
        return workers;
    }
}
