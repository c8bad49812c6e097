package io.datum.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The assembled distribution under test ({@code target/datum}), passed by failsafe as the system
 * property {@value #HOME}, and a scratch folder ({@value #WORK}).
 */
public final class TestHome {
    public static final String HOME = "datum.home";
    public static final String WORK = "datum.it.work";
    /** The interactive shell bundle: shipped, but it would start a console on the test JVM's stdin. */
    public static final String SHELL_BUNDLE = "org.apache.felix.gogo.jline";
    /** A regex for the header of {@code datum formats}; the first column is as wide as the longest format name. */
    public static final String FORMATS_HEADER = "FORMAT +IMPORT  EXPORT  DETECT  PROVIDED BY";

    private TestHome() {
    }

    public static Path home() {
        Path home = Path.of(required(HOME));
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new IllegalStateException(home.resolve("bundle") + " does not exist: system property " + HOME + "="
                    + home + " must name the assembled distribution (run `mvn verify`, not the IT alone)");
        }
        return home;
    }

    public static Path work() throws IOException {
        return Files.createDirectories(Path.of(required(WORK)));
    }

    /** Every jar the distribution installs into Felix (bundle/ and shell/), by symbolic name. */
    public static Map<String, Path> shippedBundles() throws IOException {
        Map<String, Path> bySymbolicName = new LinkedHashMap<>();
        for (String folder : List.of("bundle", "shell")) {
            for (Path jar : jarsIn(home().resolve(folder))) {
                String name = symbolicName(jar);
                if (bySymbolicName.put(name, jar) != null) {
                    throw new IllegalStateException(name + " is shipped twice: " + bySymbolicName.get(name) + ", " + jar);
                }
            }
        }
        return bySymbolicName;
    }

    static List<Path> jarsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    static String symbolicName(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream j = new JarInputStream(in)) {
            Manifest m = j.getManifest();
            String name = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null) {
                throw new IllegalStateException(jar + " has no Bundle-SymbolicName: not a bundle");
            }
            return name.split(";")[0].trim();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (failsafe sets it in distribution/pom.xml)");
        }
        return value;
    }
}
