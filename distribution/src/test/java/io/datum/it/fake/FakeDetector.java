package io.datum.it.fake;

import io.datum.spi.Confidence;
import io.datum.spi.DatasetFormat;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

@Component(service = FormatDetector.class)
@DatasetFormat(name = FakeFormat.NAME, description = "test format: item ids, one per line")
public class FakeDetector implements FormatDetector {
    @Override
    public Detection detect(Path directory) {
        return Files.isRegularFile(directory.resolve(FakeFormat.FILE)) ? Detection.match(Confidence.MEDIUM)
                : Detection.notMet("File " + FakeFormat.FILE + " exists");
    }
}
