package io.datum.it.fake;

import io.datum.model.DatasetItem;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

@Component(service = DatasetExporter.class)
@DatasetFormat(name = FakeFormat.NAME, description = "test format: item ids, one per line")
public class FakeExporter implements DatasetExporter {
    @Override
    public OptionParser options() {
        return OptionParser.named(FakeFormat.NAME);
    }

    @Override
    public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context) throws IOException {
        try (Writer w = Files.newBufferedWriter(outputDir.resolve(FakeFormat.FILE), StandardCharsets.UTF_8);
             ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                w.write(spell(item.id()));
                w.write('\n');
            }
        }
    }

    /** How an id is written; {@link FakeUpperExporter} changes it. */
    protected String spell(String id) {
        return id;
    }
}
