package io.datum.it.fake;

import io.datum.it.fake.lines.ItemLines;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

@Component(service = DatasetImporter.class)
@DatasetFormat(name = FakeFormat.NAME, description = "test format: item ids, one per line")
public class FakeImporter implements DatasetImporter {
    @Override
    public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
        return new ItemLines(Files.readAllLines(path.resolve(FakeFormat.FILE)));
    }
}
