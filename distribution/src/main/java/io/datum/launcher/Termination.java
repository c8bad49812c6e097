package io.datum.launcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a run, at any moment, start-up included: the run stops
 * quietly (nothing more is printed: no stack trace, no error caused by the stop itself), its
 * files are removed, and the exit code is the shell's convention, 128 + the signal (130, 143).
 *
 * <p>The JVM's own handling would start the shutdown hooks while the verb goes on writing, so a
 * hook could delete a staging folder the verb then fills again, and the verb's errors about the
 * vanishing files would be printed. Instead the signal interrupts the thread running the verb —
 * file channels give up at once when interrupted — and waits a moment for it to unwind, which
 * closes and deletes what it made; only then does the JVM exit (the hooks remove the rest).
 */
final class Termination {
    /** How long the verb may take to unwind before the JVM exits anyway. */
    private static final long UNWIND_MS = 3_000;

    private static volatile int exitCode;
    private static final CountDownLatch unwound = new CountDownLatch(1);
    private static volatile Thread worker;
    /**
     * Set when the verb has returned success: its output is then in place (an output is not put in
     * place once the verb's thread is interrupted), and a signal after that must not report a
     * stopped run beside a complete output.
     */
    private static volatile boolean succeeded;
    /**
     * Set once the JVM has begun to exit by itself: a signal that comes before {@link #install}
     * has taken over the signals starts the JVM's own shutdown while the launcher goes on, and
     * what the launcher meets then (its files deleted by the hooks, a hook refused) must not be
     * printed either.
     */
    private static volatile boolean jvmExiting;

    private Termination() {
    }

    /** Handles SIGINT and SIGTERM from now on; {@code thread} is the one running the verb. */
    static void install(Thread thread) {
        worker = thread;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(Termination::jvmExiting, "datum-quiet-exit"));
        } catch (IllegalStateException e) {
            jvmExiting();
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), Termination::onSignal);
            } catch (IllegalArgumentException e) {
                // ignored by whoever started us (a background job ignores SIGINT): stays ignored
            }
        }
    }

    private static void onSignal(Signal signal) {
        if (succeeded) {
            // the work is done and in place: the run ends as it would have, with success
            return;
        }
        if (exitCode != 0) {
            // a second signal while unwinding: stop waiting
            System.exit(exitCode);
            return;
        }
        exitCode = 128 + signal.getNumber();
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
        try {
            unwound.await(UNWIND_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // exit now
        }
        System.exit(exitCode(1));
    }

    /** Called by the verb's thread when it has finished, normally or not. */
    static void unwound() {
        unwound.countDown();
    }

    /**
     * Called by the verb's thread with the verb's exit code as soon as it returns. A verb that
     * succeeded although a signal came (after its output was in place) makes the run's exit code
     * 0: exit 0 always means a complete output, 130 and 143 that nothing was left.
     */
    static void verbFinished(int code) {
        if (code == 0) {
            succeeded = true;
        }
    }

    /**
     * The JVM is exiting: a shutdown hook was refused, or the hooks have started. From now on
     * nothing is printed; the exit code is the one the JVM's exit already has.
     */
    static void jvmExiting() {
        jvmExiting = true;
    }

    /** Whether a signal asked the run to stop, or the JVM is exiting. */
    static boolean requested() {
        return exitCode != 0 || jvmExiting;
    }

    /** The exit code a signal asked for; {@code otherwise} when none did, or when the verb succeeded. */
    static int exitCode(int otherwise) {
        if (succeeded) {
            return 0;
        }
        return exitCode != 0 ? exitCode : otherwise;
    }

    /** {@code out}, silent from the moment a signal asks the run to stop. */
    static PrintStream quietOnceRequested(PrintStream out) {
        return new PrintStream(new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                if (!requested()) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!requested()) {
                    out.write(b, off, len);
                }
            }
        }, true);
    }
}
