package ${package}.internal;

import io.datum.spi.Confidence;
import io.datum.spi.DatasetFormat;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/** A folder with both files of the format; quick, and never an error for other folders. */
@Component(service = FormatDetector.class)
@DatasetFormat(name = LineFiles.FORMAT, extensions = ".txt", description = LineFiles.DESCRIPTION)
public class LineDetector implements FormatDetector {
    @Override
    public Detection detect(Path directory) {
        if (Files.isRegularFile(directory.resolve(LineFiles.ITEMS))
                && Files.isRegularFile(directory.resolve(LineFiles.LABELS))) {
            return Detection.match(Confidence.MEDIUM);
        }
        return Detection.notMet("dataset must contain " + LineFiles.ITEMS + " and " + LineFiles.LABELS);
    }
}
