package io.datum.support.stream;

import java.util.ArrayDeque;

/**
 * Threads granted to one piece of work by {@link Workers#lanes}: tasks run in the order they were
 * given on at most {@link #size()} threads at once. {@link #close()} waits for every task given
 * (running or waiting) to end, then gives the threads back.
 */
public final class Lanes implements AutoCloseable {
    private final Workers workers;
    private final int size;
    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    private int running;
    private boolean closed;

    private record Task(String name, Runnable body) {
    }

    Lanes(Workers workers, int size) {
        this.workers = workers;
        this.size = size;
    }

    /** Threads granted: 0 means none, and the caller does the work itself. */
    public int size() {
        return size;
    }

    /** Runs a task on one of the lanes, after those given before it have started. */
    public void execute(String name, Runnable task) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("lanes closed");
            }
            if (size == 0) {
                throw new IllegalStateException("no thread granted");
            }
            if (running == size) {
                waiting.add(new Task(name, task));
                return;
            }
            running++;
        }
        Workers.run(name, () -> drain(new Task(name, task)));
    }

    /** Runs a task, then the waiting ones, while there are any. */
    private void drain(Task first) {
        Task task = first;
        while (task != null) {
            Thread.currentThread().setName(task.name);
            try {
                task.body.run();
            } catch (RuntimeException | Error e) {
                // a task reports its own failures to whoever waits for its work; this one escaped
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            }
            synchronized (this) {
                task = waiting.poll();
                if (task == null) {
                    running--;
                    notifyAll();
                }
            }
        }
    }

    /**
     * Waits for every task given so far to end (through interrupts, which it keeps); the lanes
     * stay open for more. Returns at once when none were granted.
     */
    public void awaitIdle() {
        boolean interrupted = false;
        synchronized (this) {
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every task given to end (through interrupts, which it keeps), then gives the threads back. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        awaitIdle();
        workers.release(size);
    }
}
