package io.datum.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The framework properties of one run, from lowest to highest precedence: the launcher's defaults,
 * {@code conf/framework.properties}, then {@code -Dfelix.*} / {@code -Dorg.osgi.framework.*} from
 * the command line. Other properties (e.g. {@code ds.loglevel}, {@code gosh.*}) need no copying:
 * Felix falls back to system properties when a bundle asks for one it does not have.
 */
final class LaunchProperties {
    static final String FILE = "framework.properties";

    private LaunchProperties() {
    }

    static Map<String, String> forRun(DatumHome home, boolean shell) throws LauncherException {
        Map<String, String> p = new HashMap<>();
        // Errors only: Felix's warnings are for framework developers, not for datum users.
        p.put("felix.log.level", "1");
        if (shell) {
            p.put("felix.fileinstall.dir", home.plugins().toString());
            p.put("felix.fileinstall.poll", "1000");
            p.put("felix.fileinstall.noInitialDelay", "true");
            p.put("felix.fileinstall.log.level", "2");
            // No gosh_profile here: the shell's built-in one is used, never one from the user's working directory.
            p.put("gosh.home", home.conf().toString());
        }
        Path file = home.conf().resolve(FILE);
        if (Files.isRegularFile(file)) {
            java.util.Properties fromFile = new java.util.Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
            }
            fromFile.stringPropertyNames().forEach(k -> p.put(k, fromFile.getProperty(k).trim()));
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("felix.") || k.startsWith("org.osgi.framework."))
                .forEach(k -> p.put(k, System.getProperty(k)));
        return p;
    }
}
