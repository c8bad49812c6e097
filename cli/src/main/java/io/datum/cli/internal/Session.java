package io.datum.cli.internal;

import io.datum.api.Datum;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every verb of one command line gets: the API over the registry, the folder relative paths
 * resolve against, where results are printed, the run's log, and whether the caller (the shell)
 * takes the results as objects and formats them itself, in which case a verb does not print them.
 */
record Session(Datum datum, Path cwd, PrintStream out, Log log, boolean returnsObjects) {
    FormatRegistry registry() {
        return datum.formats();
    }

    /** A path the user typed, absolute and normalised. */
    Path path(String typed) {
        return cwd.resolve(typed).normalize();
    }

    /** The importable or exportable formats, comma-separated (or {@code none}). */
    String available(boolean importers) {
        return String.join(", ", registry().names(importers ? FormatInfo::canImport : FormatInfo::canExport, "none"));
    }

    /** The epilog of verbs that take a format. */
    String formatsEpilog() {
        return "Supported input formats: " + available(true) + "\nSupported output formats: " + available(false);
    }
}
