package io.datum.launcher;

/**
 * A launcher failure the user can act on. {@link Main} prints its message as the single line
 * {@code datum: <message>} and exits with 1, so the message must name the file, folder or property
 * involved.
 */
final class LauncherException extends Exception {
    private static final long serialVersionUID = 1L;

    LauncherException(String message) {
        super(message);
    }

    LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
