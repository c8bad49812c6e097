package io.datum.benchmarks;

import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Writing CVAT XML: the cvat exporter (SPI, no options) against the JDK's XMLStreamWriter writing
 * the same bytes to a null stream. The dataset is in memory: items with 5 to 15 boxes, five flags
 * per box, 600 labels declared; the exporter writes into a fresh folder per invocation (its
 * deletion is not measured). One operation is one item.
 */
@OperationsPerInvocation(CvatExport.ITEMS)
public class CvatExport extends ThroughputPerSecond {
    static final int ITEMS = 5_000;

    int items = ITEMS;
    Workspace workspace;
    DatasetSource dataset;
    DatasetExporter exporter;
    ParsedOptions options;
    Path outputDir;

    @Setup
    public void setUp() {
        workspace = new Workspace();
        dataset = Datasets.of(SyntheticData.categories(), SyntheticData.items(items, 1));
        exporter = workspace.formats.requireExporter("cvat");
        options = exporter.options().parse(List.of());
    }

    @Setup(Level.Invocation)
    public void newOutputFolder() throws IOException {
        outputDir = workspace.newFolder("cvat");
    }

    @TearDown(Level.Invocation)
    public void deleteOutputFolder() throws IOException {
        Workspace.deleteTree(outputDir);
    }

    @TearDown
    public void tearDown() throws IOException {
        workspace.close();
    }

    /** The exporter as {@code datum convert -f cvat} runs it (without the staging folder's final move). */
    @Benchmark
    public Path cvatExporterToTempFolder() throws IOException {
        exporter.export(dataset, outputDir, options, workspace);
        return outputDir;
    }

    /**
     * Baseline: the JDK's StAX writer producing the same elements, attributes and indentation
     * (coordinates spelled by the same fixed2) to a null stream: what XML output costs without the
     * exporter's checks, label and attribute lookups and file system. If the exporter comes close to
     * it, its own XML writer is not the problem.
     */
    @Benchmark
    public long jdkXmlStreamWriterToNullStream() throws XMLStreamException {
        CountingNullStream out = new CountingNullStream();
        writeWithStax(out);
        return out.count;
    }

    void writeWithStax(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("utf-8", "1.0");
        start(xml, 0, "annotations");
        leaf(xml, 1, "version", "1.1");
        start(xml, 1, "meta");
        start(xml, 2, "task");
        long size = dataset.itemCount().orElse(0);
        leaf(xml, 3, "id", "");
        leaf(xml, 3, "name", SyntheticData.SUBSET);
        leaf(xml, 3, "size", Long.toString(size));
        leaf(xml, 3, "mode", "annotation");
        leaf(xml, 3, "overlap", "");
        leaf(xml, 3, "start_frame", "0");
        leaf(xml, 3, "stop_frame", Long.toString(size));
        leaf(xml, 3, "frame_filter", "");
        leaf(xml, 3, "z_order", "True");
        start(xml, 3, "labels");
        LabelCategories labels = dataset.categories().labels();
        for (int i = 0; i < labels.size(); i++) {
            start(xml, 4, "label");
            leaf(xml, 5, "name", labels.get(i).name());
            start(xml, 5, "attributes");
            for (String attribute : labels.attributeNames(i)) {
                if (attribute.equals("occluded")) {
                    continue; // built into every CVAT shape, not declared
                }
                start(xml, 6, "attribute");
                leaf(xml, 7, "name", attribute);
                leaf(xml, 7, "mutable", "True");
                leaf(xml, 7, "input_type", "text");
                leaf(xml, 7, "default_value", "");
                leaf(xml, 7, "values", "");
                end(xml, 6);
            }
            end(xml, 5);
            end(xml, 4);
        }
        end(xml, 3);
        end(xml, 2);
        end(xml, 1);
        long id = 0;
        try (var cursor = dataset.items()) {
            while (cursor.hasNext()) {
                writeImage(xml, cursor.next(), id++, labels);
            }
        }
        end(xml, 0);
        xml.writeEndDocument();
        xml.close();
    }

    private static void writeImage(XMLStreamWriter xml, DatasetItem item, long id, LabelCategories labels)
            throws XMLStreamException {
        ImageSize size = item.image().declaredSize().orElseThrow();
        start(xml, 1, "image");
        xml.writeAttribute("id", Long.toString(id));
        xml.writeAttribute("name", item.id() + item.image().extension());
        xml.writeAttribute("width", Integer.toString(size.width()));
        xml.writeAttribute("height", Integer.toString(size.height()));
        for (Annotation a : item.annotations()) {
            Bbox box = (Bbox) a;
            start(xml, 2, "box");
            xml.writeAttribute("label", labels.get(box.label()).name());
            xml.writeAttribute("occluded", Boolean.TRUE.equals(box.attributes().get("occluded")) ? "1" : "0");
            xml.writeAttribute("outside", "0");
            xml.writeAttribute("keyframe", "0");
            xml.writeAttribute("xtl", PythonNumbers.fixed2(box.x1()));
            xml.writeAttribute("ytl", PythonNumbers.fixed2(box.y1()));
            xml.writeAttribute("xbr", PythonNumbers.fixed2(box.x2()));
            xml.writeAttribute("ybr", PythonNumbers.fixed2(box.y2()));
            xml.writeAttribute("z_order", Integer.toString(box.zOrder()));
            for (Map.Entry<String, Object> e : box.attributes().entries()) {
                if (!e.getKey().equals("occluded")) {
                    start(xml, 3, "attribute");
                    xml.writeAttribute("name", e.getKey());
                    xml.writeCharacters(e.getValue().toString());
                    xml.writeEndElement();
                }
            }
            end(xml, 2);
        }
        end(xml, 1);
    }

    private static final char[] INDENT = ("\n" + " ".repeat(16)).toCharArray();

    private static void start(XMLStreamWriter xml, int depth, String name) throws XMLStreamException {
        xml.writeCharacters(INDENT, 0, 1 + 2 * depth);
        xml.writeStartElement(name);
    }

    private static void end(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters(INDENT, 0, 1 + 2 * depth);
        xml.writeEndElement();
    }

    private static void leaf(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        start(xml, depth, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Discards what it is given and counts the bytes, so the writer's output cannot be skipped. */
    static final class CountingNullStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
