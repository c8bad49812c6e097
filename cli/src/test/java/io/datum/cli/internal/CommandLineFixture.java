package io.datum.cli.internal;

import io.datum.registry.FormatRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the verb tests share: a command line over the test formats of {@link FakeFormat} working in a
 * temporary folder, the fake datasets written there, and what its last run printed.
 */
abstract class CommandLineFixture {
    /** The command line's working folder: relative paths in the arguments resolve here. */
    @TempDir
    Path dir;

    DatumCommandLine datum;
    /** What the last {@link #run} printed on standard output. */
    String out;
    /** What the last {@link #run} printed on standard error: the log. */
    String err;

    @BeforeEach
    void startCommandLine() {
        datum = new DatumCommandLine(FormatRegistries.fromServiceLoader(), dir);
    }

    /** Runs the command line as {@code bin/datum} would and keeps what it printed; returns the exit code. */
    int run(String... args) {
        PrintedRun r = PrintedRun.of(datum, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    /**
     * A dataset of the fake format in the folder {@code name}: its {@code labels.txt}, and an
     * {@code items.txt} line for each item, "id subset label".
     */
    Path fakeDataset(String name, List<String> labels, String... items) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve("labels.txt"), labels);
        Files.write(folder.resolve("items.txt"), List.of(items));
        return folder;
    }

    /** A dataset of the fake format in the folder {@code name}, with the labels cat and dog. */
    Path fakeDataset(String name, String... items) throws IOException {
        return fakeDataset(name, List.of("cat", "dog"), items);
    }

    /** The dataset most verb tests read, in {@code in}: labels cat and dog, items a (train), b and c (test). */
    Path catsAndDogs() throws IOException {
        return fakeDataset("in", "a train cat", "b test dog", "c test cat");
    }
}
