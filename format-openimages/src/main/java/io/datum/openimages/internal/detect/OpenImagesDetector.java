package io.datum.openimages.internal.detect;

import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.read.PointLabelFile;
import io.datum.openimages.internal.read.RelationshipFile;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetFormat;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Open Images is recognised by any description or annotation file, in {@code annotations/} or at
 * the root; class descriptions, the hierarchy and {@code images.meta} do not count. The
 * reference returns no confidence, which means MEDIUM.
 */
@Component
@DatasetFormat(name = OpenImagesPaths.FORMAT_NAME, description = "Open Images V4/V5/V6 (CSV)")
public class OpenImagesDetector implements FormatDetector {
    public OpenImagesDetector() {
    }

    @Override
    public Detection detect(Path directory) throws IOException {
        if (Files.isDirectory(directory) && hasAnnotationFiles(directory)) {
            return Detection.match(Confidence.MEDIUM);
        }
        List<String> requirements = new ArrayList<>();
        for (String dir : List.of(OpenImagesPaths.ANNOTATIONS_DIR + "/", "")) {
            for (String pattern : OpenImagesPaths.DETECTION_PATTERNS) {
                requirements.add("dataset must contain a file matching pattern \"" + dir + pattern + "\"");
            }
        }
        return Detection.noneMet(requirements);
    }

    /** True when {@code annotations/} or the root holds a file the importer would read items from. */
    public static boolean hasAnnotationFiles(Path root) throws IOException {
        List<String> patterns = new ArrayList<>(OpenImagesPaths.DETECTION_PATTERNS);
        patterns.addAll(OpenImagesPaths.BOXABLE_DETECTION_PATTERNS);
        patterns.addAll(PointLabelFile.PATTERNS);
        patterns.addAll(RelationshipFile.PATTERNS);
        for (Path dir : List.of(root.resolve(OpenImagesPaths.ANNOTATIONS_DIR), root)) {
            for (String name : DatasetLayout.listFiles(dir)) {
                for (String pattern : patterns) {
                    if (NamePatterns.matches(pattern, name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
