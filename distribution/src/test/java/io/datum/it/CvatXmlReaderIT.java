package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.it.LauncherScriptIT.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CVAT reader's two XML parsers in the assembled distribution: {@code -Ddatum.cvat.xml=library}
 * (Aalto, a bundle of its own that the CVAT bundle must reach) reads what the default scanner
 * reads, and refuses what it refuses, with one line and no stack trace.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CvatXmlReaderIT {
    private static final String CVAT = """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations>
              <version>1.1</version>
              <meta><task><labels><label><name>car &amp; van</name><attributes></attributes></label></labels></task></meta>
              <image id="0" name="a\u00e9.jpg" width="10" height="10">
                <box label="car &amp; van" occluded="0" xtl="1" ytl="1.5" xbr="5" ybr="5" z_order="0"></box>
              </image>
            </annotations>
            """;

    private static Run convert(Path cwd, String reader, String output) throws Exception {
        return LauncherScriptIT.datum(TestHome.home(), cwd, Map.of("DATUM_JAVA_OPTS", "-Ddatum.cvat.xml=" + reader),
                "convert", "-if", "cvat", "-i", "in", "-f", "open_images", "-o", output);
    }

    private static String tree(Path root) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    sb.append(root.relativize(f)).append('\n').append(Files.readString(f)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void theLibraryReaderReadsWhatTheScannerReads(@TempDir Path cwd) throws Exception {
        Files.createDirectories(cwd.resolve("in"));
        Files.writeString(cwd.resolve("in/annotations.xml"), CVAT);
        Run scanner = convert(cwd, "scanner", "by-scanner");
        assertEquals(0, scanner.code(), scanner::toString);
        Run library = convert(cwd, "library", "by-library");
        assertEquals(0, library.code(), library::toString);
        assertTrue(tree(cwd.resolve("by-scanner")).contains("car & van"));
        assertEquals(tree(cwd.resolve("by-scanner")), tree(cwd.resolve("by-library")));
    }

    @Test
    void bothReadersRefuseMalformedXmlInOneLineAndAnUnknownReaderIsNamed(@TempDir Path cwd) throws Exception {
        Files.createDirectories(cwd.resolve("in"));
        Files.writeString(cwd.resolve("in/annotations.xml"), CVAT.replace("</box>", "</boxx>"));
        for (String reader : new String[] {"scanner", "library"}) {
            Run r = convert(cwd, reader, "out-" + reader);
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().contains("ERROR: annotations.xml:6:"), r::toString);
            assertTrue(r.err().contains("malformed XML"), r::toString);
            assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r::toString);
            assertFalse(Files.exists(cwd.resolve("out-" + reader)), "no output left behind");
        }
        Run r = convert(cwd, "fast", "out");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("datum.cvat.xml: 'fast' is not a CVAT XML reader (scanner or library)"), r::toString);
    }
}
