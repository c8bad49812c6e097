package io.datum.cli.internal;

import java.io.IOException;
import java.util.List;

/**
 * One {@code datum} verb: parses its options, calls the API, and returns what the API returned
 * (an export result, a detection report, ...), which it also prints unless the session only wants
 * objects (the shell formats them itself). Failures are thrown ({@link CliException} with an exit
 * code, or the API's exceptions) and become a message and an exit code in {@link DatumCommandLine}.
 */
interface Verb {
    /**
     * Runs the verb as {@code name} (its spelling, e.g. {@code "project export"}); returns its
     * result, or null for a verb whose only result is what it printed.
     */
    Object run(String name, List<String> args, Session session) throws IOException;
}
