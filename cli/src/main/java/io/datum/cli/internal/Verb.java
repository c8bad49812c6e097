package io.datum.cli.internal;

import java.io.IOException;
import java.util.List;

/**
 * One {@code datum} verb: parses its options, calls the API, prints its result. Failures are
 * thrown ({@link CliException} with an exit code, or the API's exceptions) and become a message and
 * an exit code in {@link DatumCommandLine}.
 */
interface Verb {
    /** Runs the verb as {@code name} (its spelling, e.g. {@code "project export"}); returns the exit code. */
    int run(String name, List<String> args, Session session) throws IOException;
}
