package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every command line shown in {@code README.md} and {@code docs/*.md} runs, and prints what the
 * page shows. A {@code console} block is a transcript: {@code $ command} lines, each followed by
 * its output (stdout and stderr) and, for a failure, {@code [exit N]}. The commands of a block run
 * in order in one fresh folder holding a copy of {@code samples/}, with the assembled
 * {@code bin/} on the PATH. Log timestamps are compared as {@code <ts>} and that folder as
 * {@code <cwd>}. A block may be indented (inside a list item): the fence's indentation is removed
 * from its lines. (The README's two Maven commands are what CI itself runs; they are in {@code sh}
 * blocks, not transcripts.)
 *
 * <p>A block of any kind that follows a line {@code <!-- excerpt of PATH -->} quotes the file
 * {@code PATH} of the repository (one the build uses, such as a bndrun it resolves): its lines must
 * be lines of that file, in the same order.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DocumentedCommandsIT {
    private static final Pattern BLOCK = Pattern.compile("^( *)```console\n(.*?)^\\1```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern EXCERPT = Pattern.compile("^( *)<!-- excerpt of (\\S+) -->\n\\1```\\w*\n(.*?)^\\1```",
            Pattern.DOTALL | Pattern.MULTILINE);
    /** The README's main job: the launcher command of its first {@code sh} block. */
    private static final Pattern MAIN_JOB = Pattern.compile("```sh\n[^`]*?&& distribution/target/datum/bin/(datum [^\n]*)\n");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}");

    record Step(String command, List<String> expected, int exitCode) {
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandPrintsWhatTheDocumentationShows() throws IOException {
        Path repo = repo();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages(repo)) {
            Matcher m = BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            int n = 0;
            while (m.find()) {
                List<Step> steps = parse(dedent(m.group(2), m.group(1)));
                String name = repo.relativize(page) + " transcript " + (++n);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    assertFalse(steps.isEmpty(), "a transcript without a `$ ` command line");
                    replay(repo, steps);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyExcerptQuotesItsFile() throws IOException {
        Path repo = repo();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages(repo)) {
            Matcher m = EXCERPT.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                List<String> quoted = trimEnd(List.of(dedent(m.group(3), m.group(1)).split("\n", -1)));
                Path file = repo.resolve(m.group(2));
                tests.add(DynamicTest.dynamicTest(repo.relativize(page) + " excerpt of " + m.group(2), () -> {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    int at = 0;
                    for (String line : quoted) {
                        while (at < lines.size() && !lines.get(at).equals(line)) {
                            at++;
                        }
                        assertTrue(at < lines.size(), "`" + line + "` is not a line of " + file + " (in this order)");
                        at++;
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static Path repo() {
        return Path.of(System.getProperty("datum.repo")).toAbsolutePath().normalize();
    }

    private static List<Path> pages(Path repo) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(repo.resolve("README.md"));
        try (Stream<Path> docs = Files.list(repo.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The block's lines without the indentation of its fence. */
    static String dedent(String block, String indent) {
        if (indent.isEmpty()) {
            return block;
        }
        return Stream.of(block.split("\n", -1)).map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The README's main job prints no warning: what a new user runs first should run clean. */
    @Test
    void theReadmeMainJobRunsWithoutWarnings() throws Exception {
        Path repo = repo();
        Matcher m = MAIN_JOB.matcher(Files.readString(repo.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(m.find(), "README.md shows the main job in an sh block");
        Path cwd = Files.createTempDirectory(TestHome.work(), "main-job-");
        copyTree(repo.resolve("samples"), cwd.resolve("samples"));
        String output = run(cwd, m.group(1), 0);
        assertFalse(output.contains("WARNING"), output);
        assertTrue(Files.isRegularFile(cwd.resolve("target/sample-cvat/train.xml")), output);
    }

    static List<Step> parse(String block) {
        List<Step> steps = new ArrayList<>();
        String command = null;
        List<String> expected = new ArrayList<>();
        int exit = 0;
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, trimEnd(expected), exit));
                }
                command = line.substring(2);
                expected = new ArrayList<>();
                exit = 0;
            } else if (line.matches("\\[exit \\d+\\]")) {
                exit = Integer.parseInt(line.replaceAll("\\D", ""));
            } else if (command != null) {
                expected.add(line);
            }
        }
        if (command != null) {
            steps.add(new Step(command, trimEnd(expected), exit));
        }
        return steps;
    }

    private static List<String> trimEnd(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static void replay(Path repo, List<Step> steps) throws Exception {
        Path cwd = Files.createTempDirectory(TestHome.work(), "docs-");
        copyTree(repo.resolve("samples"), cwd.resolve("samples"));
        for (Step step : steps) {
            String output = run(cwd, step.command(), step.exitCode());
            String normalised = TIMESTAMP.matcher(output).replaceAll("<ts>").replace(cwd.toString(), "<cwd>");
            List<String> actual = trimEnd(List.of(normalised.split("\n", -1)));
            assertEquals(String.join("\n", step.expected()), String.join("\n", actual), "output of `" + step.command() + "`");
        }
    }

    /** Runs {@code command} in {@code cwd} with the assembled {@code bin/} on the PATH; its output (stdout and stderr). */
    private static String run(Path cwd, String command, int exitCode) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", TestHome.home().resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("DATUM_JAVA_OPTS");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("`" + command + "` did not finish in 120 s");
        }
        assertEquals(exitCode, p.exitValue(), "exit code of `" + command + "`\n" + output);
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
