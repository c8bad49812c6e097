package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A format author's first hour, as a test: a project generated from {@code datum-format-archetype}
 * builds with Maven (its test on the format test kit included), and its jar, dropped into the
 * {@code plugins/} folder of a copy of the distribution, detects and converts the project's sample.
 *
 * <p>The nested Maven runs never touch the developer's local repository: their local repository is
 * a folder of this build, seeded with the reactor's own artifacts (parent, core, testkit, archetype;
 * as {@code mvn install} would lay them out, which a {@code verify} never runs), and everything else
 * comes from the developer's local repository read as a file mirror, offline, so that nothing is
 * downloaded at test time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FormatArchetypeIT {
    static final String FORMAT = "example_lines";
    static final long MAVEN_TIMEOUT_S = 240;

    @Test
    void aGeneratedFormatBuildsPassesTheKitAndConvertsItsSample(@TempDir Path tmp) throws Exception {
        String version = required("datum.version");
        Path root = Path.of(required("datum.repo")).toAbsolutePath().normalize();
        Path repository = Files.createDirectories(tmp.resolve("repository"));
        seed(repository, "datum-parent", version, root.resolve("pom.xml"), null);
        for (String module : List.of("core", "testkit")) {
            seed(repository, module, version, root.resolve(module).resolve("pom.xml"),
                    root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar"));
        }
        seed(repository, "datum-format-archetype", version, root.resolve("archetype/pom.xml"),
                root.resolve("archetype/target/datum-format-archetype-" + version + ".jar"));
        Path settings = Files.writeString(tmp.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>local-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(required("datum.it.m2")).toUri()));

        Path work = Files.createDirectories(tmp.resolve("work"));
        maven(work, repository, settings, "org.apache.maven.plugins:maven-archetype-plugin:"
                        + required("datum.it.archetypeVersion") + ":generate",
                "-DarchetypeCatalog=internal", "-DarchetypeGroupId=io.datum",
                "-DarchetypeArtifactId=datum-format-archetype", "-DarchetypeVersion=" + version,
                "-DgroupId=org.example", "-DartifactId=example-format", "-Dversion=1.0.0",
                "-Dpackage=org.example.format", "-DformatName=" + FORMAT);
        Path project = work.resolve("example-format");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/example/format/internal/LineImporter.java")),
                "the archetype made the sources in the package asked for");

        String build = maven(project, repository, settings, "verify");
        assertTrue(build.contains("Tests run: 8, Failures: 0, Errors: 0, Skipped: 0"),
                "the generated test ran the seven checks of the kit and its own:\n" + build);
        Path jar = project.resolve("target/example-format-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), build);

        Path datum = LauncherScriptIT.copyDistribution(tmp.resolve("datum"));
        Files.copy(jar, datum.resolve("plugins").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        LauncherScriptIT.Run detect = LauncherScriptIT.datum(datum, project, Map.of(), "detect", "sample");
        assertEquals(0, detect.code(), detect::toString);
        assertEquals("Detected format: " + FORMAT + "\n", detect.out(), detect::toString);

        LauncherScriptIT.Run toCvat = LauncherScriptIT.datum(datum, project, Map.of(), "convert", "-if", FORMAT,
                "-i", "sample", "-f", "cvat", "-o", tmp.resolve("cvat").toString());
        assertEquals(0, toCvat.code(), toCvat::toString);
        assertTrue(Files.readString(tmp.resolve("cvat/default.xml")).contains("<tag label=\"dog\""), toCvat::toString);
        LauncherScriptIT.Run back = LauncherScriptIT.datum(datum, project, Map.of(), "convert", "-if", "cvat",
                "-i", tmp.resolve("cvat").toString(), "-f", FORMAT, "-o", tmp.resolve("back").toString());
        assertEquals(0, back.code(), back::toString);
        assertEquals(Files.readString(project.resolve("sample/items.txt")), Files.readString(tmp.resolve("back/items.txt")),
                "the sample came back through CVAT unchanged");
    }

    /** A module's pom and jar where {@code mvn install} would put them (group io.datum). */
    private static void seed(Path repository, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("io/datum").resolve(artifactId).resolve(version));
        Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            assertTrue(Files.isRegularFile(jar), jar + " is built before the distribution's tests");
            Files.copy(jar, folder.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Runs the build's own Maven in {@code dir}, batch mode, offline except for file repositories,
     * with {@code repository} as the local repository; returns its output, or fails with it.
     */
    private static String maven(Path dir, Path repository, Path settings, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(required("maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-o", "-Daether.offline.protocols=file", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "maven", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().remove("MAVEN_ARGS");
        Process p = pb.start();
        if (!p.waitFor(MAVEN_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + MAVEN_TIMEOUT_S + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertEquals(0, p.exitValue(), () -> command + " in " + dir + " failed:\n" + output);
        return output;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (failsafe sets it in distribution/pom.xml)");
        }
        return value;
    }
}
