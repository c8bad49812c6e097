package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive ({@code datum-VERSION.tar.gz}, attached to the build) as a user gets it:
 * unpacked with {@code tar} anywhere, it holds the assembled folder under {@code datum-VERSION/}
 * and its {@code bin/datum} runs and converts.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ArchiveIT {
    @Test
    void theArchiveUnpacksToARunnableDatum(@TempDir Path cwd) throws Exception {
        Path target = TestHome.home().getParent();
        List<Path> archives;
        try (Stream<Path> files = Files.list(target)) {
            archives = files.filter(p -> p.getFileName().toString().matches("datum-.+\\.tar\\.gz")).toList();
        }
        assertEquals(1, archives.size(), archives::toString);
        String folder = archives.get(0).getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        Process tar = new ProcessBuilder("tar", "xzf", archives.get(0).toString()).directory(cwd.toFile())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path unpacked = cwd.resolve(folder);
        for (String part : List.of("bin/datum", "lib/datum-launcher.jar", "bundle", "shell", "plugins", "conf")) {
            assertTrue(Files.exists(unpacked.resolve(part)), part);
        }
        assertTrue(Files.isExecutable(unpacked.resolve("bin/datum")));
        LauncherScriptIT.Run formats = LauncherScriptIT.datum(unpacked, cwd, Map.of(), "formats");
        assertEquals(0, formats.code(), formats::toString);
        assertTrue(formats.out().contains("io.datum.format-cvat"), formats::toString);
        Path sample = Path.of(System.getProperty("datum.repo"), "samples", "open-images-sample").toAbsolutePath();
        LauncherScriptIT.Run convert = LauncherScriptIT.datum(unpacked, cwd, Map.of(), "convert", "-i", sample.toString(),
                "-f", "cvat", "-o", cwd.resolve("out").toString());
        assertEquals(0, convert.code(), convert::toString);
        assertTrue(Files.isRegularFile(cwd.resolve("out/train.xml")), convert::toString);
    }
}
