package io.datum.it.fake;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;

@Component(service = DatasetImporter.class)
@DatasetFormat(name = FakeFormat.NAME, description = "test format: item ids, one per line")
public class FakeImporter implements DatasetImporter {
    @Override
    public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
        List<DatasetItem> items = Files.readAllLines(path.resolve(FakeFormat.FILE)).stream()
                .filter(line -> !line.isBlank())
                .map(id -> new DatasetItem(id.strip(), null, null, List.of()))
                .collect(Collectors.toList());
        return Datasets.of(Categories.empty(), items);
    }
}
