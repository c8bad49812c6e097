package io.datum.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folders of an installed distribution. {@code bin/datum} passes the root as the system
 * property {@value #PROPERTY}; the launcher never changes the working directory, so relative
 * paths in a command line stay relative to where the user typed it.
 */
record DatumHome(Path root) {
    static final String PROPERTY = "datum.home";

    static DatumHome fromSystemProperty() throws LauncherException {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            throw new LauncherException("system property " + PROPERTY + " is not set (start datum with bin/datum)");
        }
        Path root = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("bundle"))) {
            throw new LauncherException(root.resolve("bundle") + " is not a folder; " + PROPERTY + "=" + value
                    + " does not point at a datum distribution");
        }
        return new DatumHome(root);
    }

    /** Bundles every mode installs. */
    Path bundles() {
        return root.resolve("bundle");
    }

    /** Bundles only the interactive shell installs (line editing, built-in commands, hot deploy). */
    Path shellBundles() {
        return root.resolve("shell");
    }

    /** Format bundles added by the user: watched in shell mode, installed once per run in verb mode. */
    Path plugins() {
        return root.resolve("plugins");
    }

    Path conf() {
        return root.resolve("conf");
    }

    /** The {@code *.jar} files of {@code folder}, sorted by name; none when the folder does not exist. */
    static List<Path> jarsIn(Path folder) throws LauncherException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new LauncherException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
