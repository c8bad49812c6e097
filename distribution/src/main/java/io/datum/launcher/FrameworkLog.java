package io.datum.launcher;

import java.io.PrintStream;
import org.apache.felix.framework.Logger;

/**
 * Felix's own messages (errors only by default, {@code felix.log.level}) as one
 * {@code datum: warning:} line each on the launcher's stderr. Felix's default logger prints the
 * stack trace of the exception that comes with a message, such as that of a bundle whose stop
 * fails while the shell ends the framework: the run is over or goes on, and the user needs the
 * message, not the trace.
 */
final class FrameworkLog extends Logger {
    private final PrintStream err;

    FrameworkLog(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void doLog(int level, String message, Throwable throwable) {
        // message already names the bundle and the exception; the cause is added when one is wrapped
        Throwable cause = throwable == null ? null : throwable.getCause();
        String line = message + (cause == null ? "" : " (" + cause + ")");
        err.println("datum: warning: OSGi framework: " + line.replaceAll("\\s*\\R\\s*", " "));
    }
}
