package io.datum.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The bundles installed from {@code bundle/} and {@code shell/}, by symbolic name. A plugin may add
 * bundles but never take the place of one of these: installed over a shipped bundle it would
 * replace it in place (and deleting the plugin would then remove the shipped bundle), and under
 * another version beside it the two copies would register the same formats and packages twice.
 */
final class ShippedBundles {
    private record Shipped(Path jar, Version version) {
    }

    private final Map<String, Shipped> bySymbolicName = new LinkedHashMap<>();

    void add(Bundle bundle, Path jar) {
        bySymbolicName.put(bundle.getSymbolicName(), new Shipped(jar, bundle.getVersion()));
    }

    /**
     * Why the plugin {@code jar} must not be installed, or empty when it may be: a jar whose
     * manifest cannot be read is left to the installer, which reports it as not a bundle.
     */
    Optional<String> refusal(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (manifest == null) {
            return Optional.empty();
        }
        Attributes main = manifest.getMainAttributes();
        String header = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (header == null) {
            return Optional.empty();
        }
        String name = header.split(";", 2)[0].trim();
        Shipped shipped = bySymbolicName.get(name);
        if (shipped == null) {
            return Optional.empty();
        }
        Version version;
        try {
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            version = null;
        }
        String where = shipped.jar.getParent().getFileName() + "/" + shipped.jar.getFileName();
        if (shipped.version.equals(version)) {
            return Optional.of("its symbolic name " + name + " is that of the shipped bundle " + where
                    + "; a plugin cannot replace a shipped bundle");
        }
        return Optional.of("its symbolic name " + name + " is that of the shipped bundle " + where + ", in version "
                + (version == null ? main.getValue(Constants.BUNDLE_VERSION) : version) + " instead of " + shipped.version
                + "; a plugin cannot replace a shipped bundle, and beside it both copies would clash");
    }
}
