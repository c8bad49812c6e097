package io.datum.cli.internal;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Log lines on stderr in the reference's shape, {@code <ts> LEVEL: message}, filtered by
 * {@code --loglevel}.
 */
final class Log {
    enum Level { DEBUG, INFO, WARNING, ERROR, CRITICAL }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final PrintStream err;
    private final Level threshold;

    Log(PrintStream err, Level threshold) {
        this.err = err;
        this.threshold = threshold;
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
