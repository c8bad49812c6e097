package io.datum.testkit;

import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** A correct format passes every check of the kit. */
class LinesContractTest extends FormatContract {
    @TempDir
    Path temp;

    @Override
    protected DatasetImporter importer() {
        return new LinesFormat.Importer();
    }

    @Override
    protected DatasetExporter exporter() {
        return new LinesFormat.Exporter();
    }

    @Override
    protected FormatDetector detector() {
        return new LinesFormat.Detector();
    }

    @Override
    protected List<Path> samples() throws IOException {
        Path sample = Files.createDirectories(temp.resolve("sample"));
        Files.writeString(sample.resolve(LinesFormat.LABELS), "cat\ndog\n");
        Files.writeString(sample.resolve(LinesFormat.ITEMS), "a cat\nb dog cat\nc\n");
        return List.of(sample);
    }

    @Override
    protected List<BadInput> badInputs() throws IOException {
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve(LinesFormat.LABELS), "cat\n");
        Files.writeString(bad.resolve(LinesFormat.ITEMS), "a cat\nb bird\n");
        return List.of(BadInput.at(bad, LinesFormat.ITEMS, 2));
    }

    /** Items of this format have labels only, and no subset. */
    @Override
    protected DatasetItem generatedItem(long index) {
        return new DatasetItem("item-" + index, null, null, List.of(new Label((int) (index % 2))));
    }

    /** Such small items need more of them to overflow the heap. */
    @Override
    protected long streamingItemCount() {
        return 700_000;
    }
}
