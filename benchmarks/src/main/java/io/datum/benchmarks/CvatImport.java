package io.datum.benchmarks;

import io.datum.spi.DatasetSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Reading CVAT XML: the cvat importer (SPI), one pass with and without opening, against the JDK's
 * StAX reader over the same file. The file is written once at set-up by the cvat exporter from the
 * synthetic items; opening reads every file once in full, each pass reads it again. One operation
 * is one item.
 */
@OperationsPerInvocation(CvatImport.ITEMS)
public class CvatImport extends ImporterBenchmark {
    static final int ITEMS = 20_000;

    Path xmlFile;

    public CvatImport() {
        super("cvat", ITEMS, 2);
    }

    @Override
    void written() {
        xmlFile = datasetDir.resolve(SyntheticData.SUBSET + ".xml");
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
