package io.datum.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Start-up phases on stderr when {@code -Ddatum.timing=true} (e.g. through DATUM_JAVA_OPTS): the
 * numbers behind docs/performance.md. Silent otherwise.
 */
final class Timing {
    private final PrintStream err;
    private final boolean on;
    private long last = System.nanoTime();

    Timing(PrintStream err) {
        this.err = err;
        this.on = Boolean.getBoolean("datum.timing");
        if (on) {
            err.printf("datum: timing: JVM start to main %d ms%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        }
    }

    void phase(String name) {
        long now = System.nanoTime();
        if (on) {
            err.printf("datum: timing: %-28s %4d ms%n", name, (now - last) / 1_000_000);
        }
        last = now;
    }
}
