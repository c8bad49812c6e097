package io.datum.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.model.Categories;
import io.datum.options.ParsedOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    /** A source that records the export hints it is given. */
    private static final class HintedSource implements DatasetSource {
        final List<String> hints = new ArrayList<>();

        @Override
        public Categories categories() {
            return Categories.empty();
        }

        @Override
        public ItemCursor items() {
            return Datasets.of(Categories.empty(), List.of()).items();
        }

        @Override
        public void prepareFor(String exportFormat, ParsedOptions exportOptions) {
            hints.add(exportFormat + " " + exportOptions.values());
        }

        @Override
        public void close() {
        }
    }

    @Test
    void wrappersPassTheExportHintOnToTheSourceTheyWrap() {
        HintedSource source = new HintedSource();
        DatasetSource stages = Datasets.wrapping(Datasets.readingAhead(source), pass -> pass, false);
        stages.prepareFor("some_format", ParsedOptions.of(Map.of("keep", "true")));
        assertEquals(List.of("some_format {keep=true}"), source.hints);
    }
}
