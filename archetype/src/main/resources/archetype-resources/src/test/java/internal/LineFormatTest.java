package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistries;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.testkit.BadInput;
import io.datum.testkit.FormatContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format passes the Datum format test kit: detection, a round trip of the sample, streaming
 * in a small heap, bad input, no write outside the output, options.
 */
class LineFormatTest extends FormatContract {
    @TempDir
    Path temp;

    @Override
    protected DatasetImporter importer() {
        return new LineImporter();
    }

    @Override
    protected DatasetExporter exporter() {
        return new LineExporter();
    }

    @Override
    protected FormatDetector detector() {
        return new LineDetector();
    }

    /** The project's sample dataset (tests run in the project folder). */
    @Override
    protected List<Path> samples() {
        return List.of(Path.of("sample"));
    }

    @Override
    protected List<BadInput> badInputs() throws IOException {
        Path unknownLabel = dataset("unknown-label", "cat\ndog\n", "a cat\nb bird\n");
        Path repeatedItem = dataset("repeated-item", "cat\n", "a cat\n\nb\na\n");
        Path twoWordLabel = dataset("two-word-label", "cat\nhot dog\n", "a cat\n");
        Path notUtf8 = dataset("not-utf-8", "cat\n", "a cat\n");
        Files.write(notUtf8.resolve(LineFiles.ITEMS), new byte[] {'a', '\n', 'b', (byte) 0xff, '\n'});
        Path labelsNotUtf8 = dataset("labels-not-utf-8", "cat\n", "a cat\n");
        Files.write(labelsNotUtf8.resolve(LineFiles.LABELS), new byte[] {'c', 'a', 't', (byte) 0xc3, '\n'});
        return List.of(BadInput.at(unknownLabel, LineFiles.ITEMS, 2), BadInput.at(repeatedItem, LineFiles.ITEMS, 4),
                BadInput.at(twoWordLabel, LineFiles.LABELS, 2), BadInput.at(notUtf8, LineFiles.ITEMS, -1),
                BadInput.at(labelsNotUtf8, LineFiles.LABELS, -1));
    }

    /** The format holds ids and labels only: the generated items have nothing else. */
    @Override
    protected DatasetItem generatedItem(long index) {
        return new DatasetItem("item-" + index, null, null, List.of(new Label((int) (index % 2))));
    }

    /** Items this small need many to overflow the child's heap. */
    @Override
    protected long streamingItemCount() {
        return 700_000;
    }

    /** Outside a framework, Datum finds the format through its factory (META-INF/services). */
    @Test
    void theFormatIsFoundOnAPlainClassPath() {
        FormatInfo format = FormatRegistries.fromServiceLoader().format(LineFiles.FORMAT).orElseThrow();
        assertTrue(format.canDetect() && format.canImport() && format.canExport(), format.toString());
    }

    private Path dataset(String name, String labels, String items) throws IOException {
        Path root = Files.createDirectories(temp.resolve(name));
        Files.writeString(root.resolve(LineFiles.LABELS), labels);
        Files.writeString(root.resolve(LineFiles.ITEMS), items);
        return root;
    }
}
