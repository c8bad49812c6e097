package io.datum.support.stream;

import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a job may use besides the one that runs it: every thread a format, a transform or
 * the pipeline works on comes from here, so that whoever starts the job can bound them (the
 * command line's {@code --threads}). A bound of {@code n} lets at most {@code n - 1} threads
 * work for the job beside the caller's; with 1, everything runs on the caller's thread. Work asks
 * for threads through {@link #lanes} and must cope with fewer than it asked for, down to none.
 *
 * <p>The threads themselves are pooled for the whole process (a thread started per piece of work,
 * hundreds in a large file, costs its stack's mapping each time); they are daemons, and an idle
 * one ends after a few seconds.
 */
public final class Workers {
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread t = new Thread(task, "datum-worker-" + NUMBER.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    private static final Workers UNBOUNDED = new Workers(0);
    /** Tasks running on the pool now, for tests that check that nothing is left working. */
    private static final AtomicInteger BUSY = new AtomicInteger();

    private final int threads;
    /** Threads that may work beside the caller's; null when unbounded. */
    private final Semaphore beside;

    private Workers(int threads) {
        this.threads = threads;
        this.beside = threads > 0 ? new Semaphore(threads - 1) : null;
    }

    /** As many threads as the work asks for; {@link #parallelism()} is the number of processors. */
    public static Workers unbounded() {
        return UNBOUNDED;
    }

    /** At most {@code threads} threads working at once, the caller's included (at least 1). */
    public static Workers bounded(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        return new Workers(threads);
    }

    /** How many pieces of work are worth running at once, the caller's included. */
    public int parallelism() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The bound given, or 0 when unbounded. */
    public int bound() {
        return threads;
    }

    /**
     * Up to {@code wanted} threads for a piece of work, held until the lanes are closed: fewer
     * when the bound leaves fewer free, none when it leaves none (then the caller works alone).
     */
    public Lanes lanes(int wanted) {
        int granted = Math.max(0, wanted);
        if (beside != null) {
            granted = 0;
            while (granted < wanted && beside.tryAcquire()) {
                granted++;
            }
        }
        return new Lanes(this, granted);
    }

    void release(int granted) {
        if (beside != null && granted > 0) {
            beside.release(granted);
        }
    }

    /** Runs a task on a pooled thread named for it while it runs. */
    static void run(String name, Runnable task) {
        POOL.execute(() -> {
            Thread current = Thread.currentThread();
            String idle = current.getName();
            current.setName(name);
            BUSY.incrementAndGet();
            try {
                task.run();
            } finally {
                BUSY.decrementAndGet();
                current.setName(idle);
            }
        });
    }

    static int busy() {
        return BUSY.get();
    }
}
