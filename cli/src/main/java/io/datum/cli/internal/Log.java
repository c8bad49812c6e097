package io.datum.cli.internal;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Log lines on stderr in the reference's shape, {@code <ts> LEVEL: message}, filtered by
 * {@code --loglevel}; one per command run, with that run's progress line.
 */
final class Log {
    enum Level { DEBUG, INFO, WARNING, ERROR, CRITICAL }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final PrintStream err;
    private final Level threshold;
    private final ProgressLine progress;

    Log(PrintStream err, Level threshold, ProgressLine progress) {
        this.err = err;
        this.threshold = threshold;
        this.progress = progress;
    }

    /** The progress line of this command; log lines clear it first. */
    ProgressLine progress() {
        return progress;
    }

    static Level parseLevel(String text) {
        try {
            return Level.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean enabled(Level level) {
        return level.ordinal() >= threshold.ordinal();
    }

    void log(Level level, String message) {
        if (enabled(level)) {
            progress.finish();
            err.println(LocalDateTime.now().format(TIME) + " " + level + ": " + message);
            err.flush();
        }
    }

    void debug(String message) {
        log(Level.DEBUG, message);
    }

    void info(String message) {
        log(Level.INFO, message);
    }

    void warning(String message) {
        log(Level.WARNING, message);
    }

    void error(String message) {
        log(Level.ERROR, message);
    }
}
