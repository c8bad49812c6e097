package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.it.LauncherScriptIT.Run;
import io.datum.it.fake.FakeFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of a shipped bundle dropped into {@code plugins/}: the launcher refuses it with one
 * warning naming the jar, its symbolic name and the shipped bundle, and the shipped bundle stays
 * in place, in the one-shot verb runs and in the running shell, where deleting the copy must not
 * take the shipped format away. Runs {@code bin/datum} on a copy of the distribution.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PluginShadowIT {
    static final String CVAT = "io.datum.format-cvat";

    static Path home;

    @BeforeAll
    static void distribution() {
        home = TestHome.home();
    }

    @Test
    void aVerbRunRefusesPluginsWithAShippedSymbolicNameInAnyVersion(@TempDir Path tmp) throws Exception {
        Path copy = LauncherScriptIT.copyDistribution(tmp.resolve("datum"));
        Path shipped = TestHome.shippedBundles().get(CVAT);
        Path sameVersion = Files.copy(shipped, copy.resolve("plugins/cvat-copy.jar"));
        Path otherVersion = withVersion(shipped, copy.resolve("plugins/cvat-9.jar"), "9.0.0");
        Path cwd = Files.createDirectories(tmp.resolve("work"));

        Run r = LauncherScriptIT.datum(copy, cwd, Map.of(), "formats");
        assertEquals(0, r.code(), r::toString);
        String version = version(shipped);
        assertEquals(List.of(warning(otherVersion, shipped, "9.0.0"), warning(sameVersion, shipped, version)),
                r.err().lines().toList(), r::toString);
        List<String> cvat = r.out().lines().filter(l -> l.startsWith("cvat ")).toList();
        assertEquals(1, cvat.size(), r::toString);
        assertTrue(cvat.get(0).stripTrailing().endsWith(CVAT + " " + version), "the shipped one, no clash: " + r);
    }

    @Test
    void theShellRefusesCopiesOfAShippedBundleAndKeepsTheShippedOneWhenTheCopyIsDeleted(@TempDir Path tmp)
            throws Exception {
        Path copy = LauncherScriptIT.copyDistribution(tmp.resolve("datum"));
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        Path plugins = copy.resolve("plugins");
        Path shipped = TestHome.shippedBundles().get(CVAT);
        // there when the shell starts: refused by FileInstall's first scan
        Path atStart = withVersion(shipped, plugins.resolve("cvat-9.jar"), "9.0.0");
        Path out = cwd.resolve("stdout.txt");
        Path err = cwd.resolve("stderr.txt");
        ProcessBuilder pb = LauncherScriptIT.command(copy, Map.of("DATUM_JAVA_OPTS", "-Dfelix.fileinstall.poll=100"),
                "shell").directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (Shell shell = new Shell(p, out)) {
            String refusedAtStart = warning(atStart, shipped, "9.0.0");
            Await.until("the warning about " + atStart, () -> read(err), e -> e.lines().anyMatch(refusedAtStart::equals));
            assertShippedCvatIsTheOnlyOne(shell);

            Path dropped = deploy(shipped, plugins.resolve("cvat-copy.jar"));
            String refused = warning(dropped, shipped, version(shipped));
            Await.until("the warning about " + dropped, () -> read(err), e -> e.lines().anyMatch(refused::equals));
            assertShippedCvatIsTheOnlyOne(shell);

            Files.delete(dropped);
            // FileInstall handles a deletion no later than an addition it sees in the same or a later scan
            FakeFormatBundle.build(home, tmp.resolve("fake-format.jar"));
            deploy(tmp.resolve("fake-format.jar"), plugins.resolve("fake-format.jar"));
            Await.until("format " + FakeFormat.NAME + " deployed", Duration.ofSeconds(30),
                    () -> shell.ask("datum:formats --names"), s -> s.lines().anyMatch(FakeFormat.NAME::equals));
            assertShippedCvatIsTheOnlyOne(shell);
        } finally {
            // closing the shell's input ends it; one that does not end is not left behind
            if (!p.waitFor(LauncherScriptIT.PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        assertEquals(0, p.exitValue(), "the shell ends at end of input with 0");
        String errors = read(err);
        for (Path refused : List.of(atStart, plugins.resolve("cvat-copy.jar"))) {
            assertEquals(1, errors.lines().filter(l -> l.contains(refused.toString())).count(),
                    "one warning for " + refused + ":\n" + errors);
        }
        assertFalse(errors.contains("\tat ") || read(out).contains("\tat "), errors);
    }

    private static void assertShippedCvatIsTheOnlyOne(Shell shell) {
        String formats = shell.ask("datum:formats --names");
        assertEquals(1, formats.lines().filter("cvat"::equals).count(), formats);
        List<String> bundles = shell.ask("lb -l cvat").lines().filter(l -> l.contains(".jar")).toList();
        assertEquals(1, bundles.size(), bundles::toString);
        assertTrue(bundles.get(0).contains("Active") && bundles.get(0).contains("/bundle/format-cvat-"), bundles::toString);
    }

    /** Copies next to the folder, then moves: FileInstall must never see a half-written jar. */
    private static Path deploy(Path jar, Path target) throws IOException {
        Path staged = Files.copy(jar, target.getParent().resolveSibling("staged.jar"), StandardCopyOption.REPLACE_EXISTING);
        return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The warning for a plugin jar of version {@code pluginVersion} with the symbolic name of the shipped {@code CVAT}. */
    private static String warning(Path plugin, Path shipped, String pluginVersion) throws IOException {
        String start = "datum: warning: plugin " + plugin + " ignored: its symbolic name " + CVAT
                + " is that of the shipped bundle bundle/" + shipped.getFileName();
        String shippedVersion = version(shipped);
        return pluginVersion.equals(shippedVersion) ? start + "; a plugin cannot replace a shipped bundle"
                : start + ", in version " + pluginVersion + " instead of " + shippedVersion
                        + "; a plugin cannot replace a shipped bundle, and beside it both copies would clash";
    }

    private static String version(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream j = new JarInputStream(in)) {
            return j.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }

    /** {@code jar} with another Bundle-Version in its manifest. */
    private static Path withVersion(Path jar, Path target, String version) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream source = new JarInputStream(in)) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream o = Files.newOutputStream(target); JarOutputStream copy = new JarOutputStream(o, manifest)) {
                for (JarEntry e = source.getNextJarEntry(); e != null; e = source.getNextJarEntry()) {
                    copy.putNextEntry(new JarEntry(e.getName()));
                    source.transferTo(copy);
                    copy.closeEntry();
                }
            }
        }
        return target;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The running {@code bin/datum shell}, driven through its standard input: each command is
     * framed by two {@code echo} markers, so that its output can be cut out of everything printed
     * (less the prompts).
     * Closing it ends the input, which ends the shell.
     */
    private static final class Shell implements AutoCloseable {
        private final Writer in;
        private final Path out;
        private int asked;

        Shell(Process p, Path out) {
            this.in = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            this.out = out;
        }

        String ask(String command) {
            int n = ++asked;
            String begin = "begin-" + n;
            String end = "end-" + n;
            try {
                in.write("echo " + begin + "\n" + command + "\necho " + end + "\n");
                in.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the shell no longer reads its input", e);
            }
            String all = Await.until("the output of `" + command + "`", Duration.ofSeconds(30), () -> read(out),
                    s -> s.lines().anyMatch(l -> l.endsWith(end)));
            List<String> lines = all.lines().map(l -> l.replaceFirst("^(g! )+", "")).collect(Collectors.toList());
            int from = indexEndingWith(lines, begin);
            int to = indexEndingWith(lines, end);
            return String.join("\n", lines.subList(from + 1, to)) + "\n";
        }

        private static int indexEndingWith(List<String> lines, String marker) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith(marker)) {
                    return i;
                }
            }
            throw new AssertionError("no line ending with " + marker + " in " + lines);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public String toString() {
            return read(out);
        }
    }
}
