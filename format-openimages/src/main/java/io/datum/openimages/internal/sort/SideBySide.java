package io.datum.openimages.internal.sort;

import io.datum.support.stream.Lanes;
import io.datum.support.stream.ReadAhead;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Independent pieces of work run on a few threads of the job's, the calling one included, heaviest first (so
 * that the last to finish is a light one). Returns when all are done; the first failure is thrown
 * then, and stops the pieces not yet started.
 */
public final class SideBySide {
    /** A piece of work. */
    public interface Task {
        public void run() throws IOException;
    }

    /** A task and how much work it is (a file size will do). */
    public record Weighted(long weight, Task task) {
    }

    private SideBySide() {
    }

    /** Runs the tasks on up to the workers' parallelism of threads (the caller's and those the bound leaves free). */
    public static void run(List<Weighted> tasks, Workers workers) throws IOException {
        List<Weighted> order = new ArrayList<>(tasks);
        order.sort(Comparator.comparingLong(Weighted::weight).reversed());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int k; failure.get() == null && (k = next.getAndIncrement()) < order.size(); ) {
                try {
                    order.get(k).task().run();
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        try (Lanes helpers = workers.lanes(Math.min(workers.parallelism(), order.size()) - 1)) {
            for (int t = 1; t <= helpers.size(); t++) {
                helpers.execute("open_images open " + t, worker);
            }
            worker.run();
        }
        Throwable t = failure.get();
        if (t != null) {
            ReadAhead.rethrow(t);
        }
    }
}
