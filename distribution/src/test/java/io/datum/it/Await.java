package io.datum.it;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for state that changes asynchronously (bundle events, SCR, FileInstall's poll): checks
 * every 25 ms and fails with what was expected and what was last seen once the timeout is over.
 * The sleep is only the poll interval; the assertion is the condition.
 */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(15);

    private Await() {
    }

    public static <T> T until(String expectation, Supplier<T> probe, java.util.function.Predicate<T> condition) {
        return until(expectation, DEFAULT, probe, condition);
    }

    public static <T> T until(String expectation, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout.toMillis() + " ms waiting for " + expectation
                        + "; last seen: " + last);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + expectation, e);
            }
            last = probe.get();
        }
        return last;
    }
}
