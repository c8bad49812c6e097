package io.datum.it;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import io.datum.it.fake.FakeFormat;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the "third-party" format bundle ({@link io.datum.it.fake}) at test time with bndlib, the
 * way a third party's bnd-maven-plugin build would: the classes come from the test output, and the
 * only other jar bnd sees is {@code core} as shipped in {@code bundle/}, so the bundle can only use
 * what core exports. bnd derives the versioned Import-Package and writes the DS component XML from
 * the {@code @Component} + {@code @DatasetFormat} annotations.
 */
public final class FakeFormatBundle {
    private FakeFormatBundle() {
    }

    /** Writes the bundle to {@code target} (replaced if present) and returns it. */
    public static Path build(Path datumHome, Path target) throws Exception {
        return build(datumHome, target, FakeFormat.SYMBOLIC_NAME, "1.0.0");
    }

    /** The same bundle under another symbolic name and version: a second provider of its formats. */
    public static Path build(Path datumHome, Path target, String symbolicName, String version) throws Exception {
        return build(datumHome, target, symbolicName, version, FakeFormat.class.getPackageName());
    }

    /** A bundle of the test classes of package {@code pkg} and its sub-packages (a fake format or a fake transform). */
    public static Path build(Path datumHome, Path target, String symbolicName, String version, String pkg)
            throws Exception {
        Path core = shippedCore(datumHome);
        try (Builder bnd = new Builder()) {
            bnd.setProperty("Bundle-SymbolicName", symbolicName);
            bnd.setProperty("Bundle-Version", version);
            bnd.setProperty("Private-Package", pkg + ", " + pkg + ".*");
            bnd.addClasspath(testClasses());
            bnd.addClasspath(core.toFile());
            Jar jar = bnd.build();
            if (!bnd.getErrors().isEmpty()) {
                throw new IllegalStateException("bnd could not build the bundle of " + pkg + ": " + bnd.getErrors());
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            jar.write(partial.toFile());
            return Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static File testClasses() throws URISyntaxException {
        return new File(FakeFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path shippedCore(Path datumHome) throws IOException {
        Path bundles = datumHome.resolve("bundle");
        try (Stream<Path> files = Files.list(bundles)) {
            List<Path> cores = files.filter(f -> f.getFileName().toString().matches("core-.*\\.jar"))
                    .collect(Collectors.toList());
            if (cores.size() != 1) {
                throw new IllegalStateException("expected one core-*.jar in " + bundles + ", found " + cores);
            }
            return cores.get(0);
        }
    }
}
