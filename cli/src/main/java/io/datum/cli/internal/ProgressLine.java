package io.datum.cli.internal;

import java.io.PrintStream;

/**
 * A one-line progress report on a terminal's stderr for jobs that run longer than a second: items
 * read, rate, and the time left once the total is known (after a first full pass, or from the
 * source). The pipeline counts the items the output reads, so every format gets it without doing
 * anything. Silent when stderr is not a terminal or with {@code --quiet}.
 */
final class ProgressLine {
    private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private long passStarted;
    private int pass;
    private long lastShown;
    private long total = -1;
    private boolean shown;

    ProgressLine(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /**
     * The output has read {@code done} items of pass {@code pass}; {@code total} is the item count
     * when known, else -1. Each pass (an exporter may count first, then write) is reported on its own.
     */
    void itemsRead(int pass, long done, long total) {
        if (!enabled) {
            return;
        }
        if (pass != this.pass) {
            this.pass = pass;
            passStarted = System.nanoTime();
        }
        this.total = total;
        update(done);
    }

    private void update(long done) {
        long now = System.nanoTime();
        if (now - passStarted < FIRST_AFTER_NANOS || now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        double seconds = (now - passStarted) / 1e9;
        double rate = done / seconds;
        StringBuilder line = new StringBuilder("\r").append(done).append(" items");
        if (total > 0) {
            line.append(" of ").append(total);
        }
        if (pass > 1) {
            line.append(" (pass ").append(pass).append(')');
        }
        line.append(String.format(", %.0f items/s", rate));
        if (total > 0 && rate > 0 && done <= total) {
            long left = (long) ((total - done) / rate);
            line.append(String.format(", ETA %d:%02d", left / 60, left % 60));
        }
        line.append("   ");
        err.print(line);
        err.flush();
        shown = true;
    }

    /** Clears the line so that log lines start at column 0. */
    void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
            shown = false;
        }
    }
}
