package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.it.fake.FakeFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code bin/datum} as a user runs it: a separate process, its exit code, stdout and
 * stderr. Plain JUnit 5 (no framework in this JVM); it runs under failsafe because it needs the
 * assembly, which exists only after {@code package}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherScriptIT {
    static final String HEADER = TestHome.FORMATS_HEADER;
    static final long PROCESS_TIMEOUT_S = 60;

    static Path home;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    @BeforeAll
    static void distribution() {
        home = TestHome.home();
        assertTrue(Files.isExecutable(home.resolve("bin/datum")), "bin/datum is executable in the assembly");
    }

    @Test
    void formatsExitsZeroAndPrintsTheHeader(@TempDir Path cwd) throws Exception {
        Run r = datum(home, cwd, Map.of(), "formats");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().findFirst().orElse("").stripTrailing().matches(HEADER), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void theFirstRunMakesAClassDataArchiveQuietlyAndLaterRunsUseIt(@TempDir Path cwd) throws Exception {
        Path cache = Files.createDirectories(cwd.resolve("cache"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        Run first = datum(home, cwd, env, "formats");
        assertEquals(0, first.code(), first::toString);
        assertEquals("", first.err(), first::toString);
        List<Path> archives;
        try (Stream<Path> files = Files.list(cache.resolve("datum"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives::toString);
        assertTrue(archives.get(0).getFileName().toString().matches("cds-\\d+\\.jsa"), archives::toString);
        Run second = datum(home, cwd, env, "formats");
        assertEquals(first, second, "the same output with the archive as while making it");
        Run without = datum(home, cwd, Map.of("XDG_CACHE_HOME", cache.toString(), "DATUM_CDS", "off"), "formats");
        assertEquals(first, without);
    }

    /**
     * The verbs that read or write datasets ask for transparent huge pages for the heap exactly
     * when the kernel gives them only on request ("madvise" mode); the short verbs never do, and
     * the JVM warns of nothing. Which branch runs is the machine's (on Debian, "madvise").
     */
    @Test
    void datasetVerbsAskForHugePagesOnlyWhereTheKernelWaitsToBeAsked(@TempDir Path cwd) throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean onRequest = Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");
        Map<String, String> env = Map.of("DATUM_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Run datasetVerb = datum(home, cwd, env, "transforms");
        assertEquals(0, datasetVerb.code(), datasetVerb::toString);
        assertEquals(onRequest, datasetVerb.out().contains("-XX:+UseTransparentHugePages"), datasetVerb::toString);
        Run shortVerb = datum(home, cwd, env, "formats");
        assertEquals(0, shortVerb.code(), shortVerb::toString);
        assertFalse(shortVerb.out().contains("UseTransparentHugePages"), shortVerb::toString);
        for (Run r : List.of(datasetVerb, shortVerb)) {
            assertFalse((r.out() + r.err()).contains("warning"), r::toString);
        }
    }

    @Test
    void convertWithABadOptionExitsTwoWithUsageAndNoStackTrace(@TempDir Path cwd) throws Exception {
        Run r = datum(home, cwd, Map.of(), "convert", "--no-such-option");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("usage: datum convert"), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void versionExitsZeroWithOneLine(@TempDir Path cwd) throws Exception {
        Run r = datum(home, cwd, Map.of(), "--version");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, r.out().lines().filter(l -> !l.isBlank()).count(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void launcherFailureIsOneDatumLineAndExitCodeOne(@TempDir Path cwd) throws Exception {
        Path missing = cwd.resolve("no-such-home");
        ProcessBuilder pb = new ProcessBuilder(javaExecutable(), "-Ddatum.home=" + missing, "-jar",
                home.resolve("lib/datum-launcher.jar").toString(), "formats");
        Run r = run(pb, cwd);
        assertEquals(1, r.code(), r::toString);
        List<String> lines = r.err().lines().collect(Collectors.toList());
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("datum: ") && lines.get(0).contains(missing.toString()), r::toString);
    }

    /**
     * A format bundle dropped into plugins/ works from the command line (installed once per run, no
     * FileInstall); a jar that is not a bundle is skipped with one warning; relative paths resolve
     * against the caller's working directory. Runs on a copy of the distribution so that the
     * assembled plugins/ stays empty.
     */
    @Test
    void pluginsAreInstalledForVerbsAndRelativePathsFollowTheCaller(@TempDir Path tmp) throws Exception {
        Path copy = copyDistribution(tmp.resolve("datum"));
        FakeFormatBundle.build(home, copy.resolve("plugins/fake-format.jar"));
        Files.write(copy.resolve("plugins/not-a-bundle.jar"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0});
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(cwd.resolve("in"));
        Files.writeString(cwd.resolve("in").resolve(FakeFormat.FILE), "a-1\nb-2\n");

        Run r = datum(copy, cwd, Map.of(), "convert", "-if", "fake", "-i", "in", "-f", "fake_upper", "-o", "out");
        assertEquals(0, r.code(), r::toString);
        assertEquals("A-1\nB-2\n", Files.readString(cwd.resolve("out").resolve(FakeFormat.FILE)), r::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("datum: warning: plugin ")
                && l.contains("not-a-bundle.jar")), r::toString);
        assertNoStackTrace(r);

        Run names = datum(copy, cwd, Map.of(), "formats", "--names");
        assertTrue(names.out().lines().anyMatch(FakeFormat.NAME::equals), names::toString);
    }

    /** Each run has its own framework storage under java.io.tmpdir, and removes it at exit. */
    @Test
    void concurrentRunsDoNotClashAndLeaveNoStorageBehind(@TempDir Path tmp) throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Map<String, String> env = Map.of("DATUM_JAVA_OPTS", "-Djava.io.tmpdir=" + javaTmp);
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = tmp.resolve("out-" + i + ".txt");
            outputs.add(out);
            ProcessBuilder pb = command(home, env, "formats").directory(tmp.toFile())
                    .redirectOutput(out.toFile()).redirectErrorStream(true);
            processes.add(pb.start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertTrue(p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS), "run " + i + " finished");
            String output = Files.readString(outputs.get(i));
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.lines().findFirst().orElse("").stripTrailing().matches(HEADER), output);
        }
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertEquals(List.of(), left.collect(Collectors.toList()), "framework storage left in java.io.tmpdir");
        }
    }

    /** {@code bin/datum shell} on a pipe: verbs are shell commands; end of input ends the shell with 0. */
    @Test
    void shellRunsVerbsAsCommandsAndEndsAtEndOfInput(@TempDir Path cwd) throws Exception {
        Path input = Files.writeString(cwd.resolve("input.txt"), "datum:formats\n");
        ProcessBuilder pb = command(home, Map.of(), "shell").redirectInput(input.toFile());
        Run r = run(pb, cwd);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.stripTrailing().matches("(g! )?" + HEADER)), r::toString);
        assertNoStackTrace(r);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), () -> "stack trace printed:\n" + r);
    }

    static Run datum(Path distribution, Path cwd, Map<String, String> env, String... args) throws Exception {
        return run(command(distribution, env, args), cwd);
    }

    static ProcessBuilder command(Path distribution, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(distribution.resolve("bin/datum").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The developer's own JVM options must not change what is tested.
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("DATUM_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to completion (or kills it after the timeout); output goes through files, so no pipe can fill up. */
    static Run run(ProcessBuilder pb, Path cwd) throws Exception {
        Path out = Files.createTempFile(cwd, "stdout", ".txt");
        Path err = Files.createTempFile(cwd, "stderr", ".txt");
        pb.directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        if (!p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(pb.command() + " did not finish within " + PROCESS_TIMEOUT_S + " s; stdout:\n"
                    + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A copy of the assembled distribution at {@code target}, for a test that changes its folders. */
    static Path copyDistribution(Path target) throws IOException {
        Path home = TestHome.home();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(home.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
