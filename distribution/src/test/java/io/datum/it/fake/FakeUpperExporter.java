package io.datum.it.fake;

import io.datum.options.OptionParser;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

@Component(service = DatasetExporter.class)
@DatasetFormat(name = FakeFormat.UPPER_NAME, description = "test format: item ids upper-cased, one per line")
public class FakeUpperExporter extends FakeExporter {
    @Override
    public OptionParser options() {
        return OptionParser.named(FakeFormat.UPPER_NAME);
    }

    @Override
    protected String spell(String id) {
        return id.toUpperCase(Locale.ROOT);
    }
}
