package io.datum.benchmarks;

import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading CVAT XML: the cvat importer (SPI), one pass with and without opening, against the JDK's
 * StAX reader over the same file. The file is written once at set-up by the cvat exporter from the
 * synthetic items; opening reads every file once in full, each pass reads it again. One operation
 * is one item.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CvatImport.ITEMS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class CvatImport {
    static final int ITEMS = 20_000;

    int items = ITEMS;
    Workspace workspace;
    Path datasetDir;
    Path xmlFile;
    DatasetImporter importer;
    ParsedOptions options;
    DatasetSource opened;

    @Setup
    public void setUp() throws IOException {
        workspace = new Workspace();
        try (DatasetSource synthetic = Datasets.of(SyntheticData.categories(), SyntheticData.items(items, 2))) {
            datasetDir = workspace.export(synthetic, "cvat");
        }
        xmlFile = datasetDir.resolve(SyntheticData.SUBSET + ".xml");
        importer = workspace.formats.requireImporter("cvat");
        options = importer.options().parse(List.of());
        opened = importer.open(datasetDir, options, workspace);
    }

    @TearDown
    public void tearDown() throws IOException {
        opened.close();
        workspace.close();
    }

    /** What a conversion from CVAT does with a dataset of one pass: open it, read every item. */
    @Benchmark
    public long cvatImporterOpenAndOnePass() throws IOException {
        try (DatasetSource source = importer.open(datasetDir, options, workspace)) {
            return Workspace.onePass(source);
        }
    }

    /** One more pass over an opened dataset (exporters that count first make two). */
    @Benchmark
    public long cvatImporterOnePass() {
        return Workspace.onePass(opened);
    }

    /**
     * Baseline: the JDK's StAX parser over the same file, every event, every attribute value and
     * text fetched, no model built: the floor for any StAX-based reader. The importer's distance to
     * it is its own work (model objects, numbers, checks), times the number of reads of the file.
     */
    @Benchmark
    public long jdkXmlStreamReaderAllEvents() throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        long chars = 0;
        try (InputStream in = Files.newInputStream(xmlFile)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        chars += xml.getLocalName().length();
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            chars += xml.getAttributeLocalName(i).length() + xml.getAttributeValue(i).length();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS -> chars += xml.getTextLength();
                    default -> {
                    }
                }
            }
            xml.close();
        }
        return chars;
    }
}
