package io.datum.openimages.internal.sort;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Independent pieces of work run on a few threads, the calling one included, heaviest first (so
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

    public static void run(List<Weighted> tasks, int threads) throws IOException {
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
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, order.size()); t++) {
            Thread helper = new Thread(worker, "open_images open " + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while opening the dataset");
            }
        }
        Throwable t = failure.get();
        if (t != null) {
            rethrow(t);
        }
    }

    /** Throws a failure caught by a task, as it was. */
    public static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }
}
