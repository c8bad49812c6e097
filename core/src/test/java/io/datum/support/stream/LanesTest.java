package io.datum.support.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waiting for the tasks given so far, with the lanes kept for more. */
class LanesTest {
    @Test
    void awaitIdleWaitsForEveryTaskGivenAndKeepsTheLanes() throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (Lanes lanes = Workers.unbounded().lanes(1)) {
            assertEquals(1, lanes.size());
            lanes.execute("first", () -> {
                awaitQuietly(release);
                done.incrementAndGet();
            });
            lanes.execute("second, waiting behind the first", done::incrementAndGet);
            Thread releaser = new Thread(() -> {
                sleepQuietly(100);
                release.countDown();
            });
            releaser.start();
            lanes.awaitIdle();
            assertEquals(2, done.get(), "both tasks had ended");
            lanes.execute("third, after waiting", done::incrementAndGet);
            lanes.awaitIdle();
            assertEquals(3, done.get());
            releaser.join();
        }
    }

    @Test
    void awaitIdleGoesThroughAnInterruptAndKeepsIt() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        try (Lanes lanes = Workers.unbounded().lanes(1)) {
            lanes.execute("slow", () -> {
                awaitQuietly(release);
                done.incrementAndGet();
            });
            Thread waiter = Thread.currentThread();
            Thread other = new Thread(() -> {
                sleepQuietly(50);
                waiter.interrupt();
                sleepQuietly(50);
                release.countDown();
            });
            other.start();
            lanes.awaitIdle();
            assertEquals(1, done.get(), "the interrupt did not end the wait");
            assertTrue(Thread.interrupted(), "the interrupt is kept");
        }
    }

    @Test
    void withoutThreadsThereIsNothingToWaitFor() {
        try (Lanes lanes = Workers.bounded(1).lanes(1)) {
            assertEquals(0, lanes.size());
            lanes.awaitIdle();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
