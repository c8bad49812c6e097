package io.datum.benchmarks;

import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.DatasetItem;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cvat importer's two XML readers (its UTF-8 scanner, and Aalto's StAX parser behind the
 * limits reader, both through {@code SafeXml}) against Aalto and Woodstox used directly as plain
 * StAX pull parsers, over the document an Open Images to CVAT conversion writes from data of
 * Google's shape ({@link GoogleShapedItems}: tags with scores, boxes with their flags, masks).
 * Every contender does the importer's per-element work: the attributes it reads from
 * {@code <image>}, {@code <box>}, {@code <mask>}, {@code <tag>} and {@code <attribute>} (names and
 * labels hashed, numbers parsed as Python's float() and int()) and the text of each
 * {@code <attribute>}; the set-up checks that all give the same checksum. The whole importer (SPI,
 * one open and one pass) is the end-to-end figure. One operation is one document; elements and MB
 * are counted per second alongside.
 */
public class GoogleCvatParsers extends ThroughputPerSecond {
    static final int IMAGES = 10_000;
    /** The property {@code SafeXml} reads to pick the reader of UTF-8 files, and its two values. */
    private static final String READER_PROPERTY = "datum.cvat.xml";

    int images = IMAGES;
    Workspace workspace;
    Path datasetDir;
    Path xmlFile;
    double megabytes;
    long elements;
    long annotations;
    DatasetImporter importer;
    ParsedOptions options;
    private final XMLInputFactory aalto = plainStax(new InputFactoryImpl());
    private final XMLInputFactory woodstox = plainStax(new WstxInputFactory());

    /** Elements and megabytes read, reported per second next to the documents. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Read {
        public long elements;
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            elements = 0;
            megabytes = 0;
        }
    }

    @Setup
    public void setUp() throws IOException, XMLStreamException {
        workspace = new Workspace();
        List<DatasetItem> items = GoogleShapedItems.items(images, 23);
        annotations = SyntheticData.annotationCount(items);
        try (DatasetSource source = Datasets.of(GoogleShapedItems.categories(23), items)) {
            datasetDir = workspace.export(source, "cvat");
        }
        xmlFile = datasetDir.resolve(GoogleShapedItems.SUBSET + ".xml");
        megabytes = Files.size(xmlFile) / 1e6;
        importer = workspace.formats.requireImporter("cvat");
        options = importer.options().parse(List.of());
        try {
            sameWorkOrFail();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            tearDown(); // nothing tears down a set-up that failed
            throw e;
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        System.clearProperty(READER_PROPERTY);
        workspace.close();
    }

    /** Fails unless every contender read the same values: a faster one may not have skipped work. */
    void sameWorkOrFail() throws IOException, XMLStreamException {
        Read read = new Read();
        long expected = datumScanner(read);
        elements = read.elements;
        long[] others = {datumAaltoWithLimits(read), aaltoStax(read), woodstoxStax(read)};
        for (long other : others) {
            if (other != expected) {
                throw new IllegalStateException("the XML contenders read different values");
            }
        }
        if (cvatImporterOpenAndOnePass(read) != annotations) {
            throw new IllegalStateException("the cvat importer did not read every annotation");
        }
    }

    /** The cvat importer's default reader of UTF-8 files, {@code Utf8XmlScanner}. */
    @Benchmark
    public long datumScanner(Read read) {
        System.setProperty(READER_PROPERTY, "scanner");
        return cursorPass(read);
    }

    /** The cvat importer's library reader: Aalto over {@code LimitedXmlReader} and its own UTF-8 decoding. */
    @Benchmark
    public long datumAaltoWithLimits(Read read) {
        System.setProperty(READER_PROPERTY, "library");
        return cursorPass(read);
    }

    /** Aalto 1.3 as a plain StAX parser over the file's bytes (no DTD, no external entities). */
    @Benchmark
    public long aaltoStax(Read read) throws IOException, XMLStreamException {
        return staxPass(aalto, read);
    }

    /** Woodstox 7 as a plain StAX parser over the file's bytes (no DTD, no external entities). */
    @Benchmark
    public long woodstoxStax(Read read) throws IOException, XMLStreamException {
        return staxPass(woodstox, read);
    }

    /** End to end: the cvat importer (SPI, default reader) opens the dataset and reads every item once. */
    @Benchmark
    public long cvatImporterOpenAndOnePass(Read read) throws IOException {
        System.clearProperty(READER_PROPERTY);
        try (DatasetSource source = importer.open(datasetDir, options, workspace)) {
            long seen = Workspace.onePass(source);
            read.elements += elements;
            read.megabytes += megabytes;
            return seen;
        }
    }

    private long cursorPass(Read read) {
        try (XmlCursor xml = SafeXml.open(xmlFile, xmlFile.getFileName().toString(), XmlLimits.DEFAULT)) {
            CursorFold fold = new CursorFold(xml);
            for (int event = xml.next(); event != XmlCursor.END_DOCUMENT; event = xml.next()) {
                if (event == XmlCursor.START_ELEMENT) {
                    fold.start(xml.name());
                } else if (event == XmlCursor.CHARACTERS) {
                    fold.text(xml.textCharacters(), xml.textStart(), xml.textLength());
                } else if (event == XmlCursor.END_ELEMENT) {
                    fold.end();
                }
            }
            return fold.done(read, megabytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long staxPass(XMLInputFactory factory, Read read) throws IOException, XMLStreamException {
        try (InputStream in = Files.newInputStream(xmlFile)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            StaxFold fold = new StaxFold(xml);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    fold.start(xml.getLocalName());
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    fold.text(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    fold.end();
                }
            }
            xml.close();
            return fold.done(read, megabytes);
        }
    }

    /**
     * The importer's per-element work, folded into a checksum: each start element's name, the
     * attributes the cvat importer reads from it (texts hashed, numbers parsed as Python parses
     * them, 0 for an absent one) and the text of each {@code <attribute>}. Subclasses read the
     * attributes from their parser.
     */
    private abstract static class ElementFold {
        private long sum;
        private long elements;
        private boolean inAttribute;
        private int text;

        final void start(String name) {
            elements++;
            fold(name.hashCode());
            switch (name) {
                case "image" -> {
                    fold(integer("id"), text("name"), integer("width"), integer("height"), text("subset"));
                }
                case "box" -> {
                    fold(text("label"), text("occluded"), integer("z_order"), integer("group_id"));
                    fold(real("xtl"), real("ytl"), real("xbr"), real("ybr"));
                }
                case "mask" -> {
                    fold(text("label"), text("occluded"), integer("z_order"), integer("group_id"), text("rle"));
                    fold(integer("left"), integer("top"), integer("width"), integer("height"));
                }
                case "tag" -> fold(text("label"), integer("group_id"));
                case "attribute" -> {
                    fold(text("name"));
                    inAttribute = true;
                    text = 0;
                }
                default -> {
                }
            }
        }

        /** Text may come in several events: the hash runs over all of an element's characters. */
        final void text(char[] chars, int start, int length) {
            if (inAttribute) {
                for (int i = start, end = start + length; i < end; i++) {
                    text = 31 * text + chars[i];
                }
            }
        }

        final void end() {
            if (inAttribute) {
                fold(text);
                inAttribute = false;
            }
        }

        final long done(Read read, double megabytes) {
            read.elements += elements;
            read.megabytes += megabytes;
            return sum + elements;
        }

        private void fold(long... values) {
            for (long value : values) {
                sum = 31 * sum + value;
            }
        }

        abstract long text(String attribute);

        abstract long integer(String attribute);

        abstract long real(String attribute);
    }

    /** Attributes from the project's cursor, numbers parsed where it has them (the scanner: from bytes). */
    private static final class CursorFold extends ElementFold {
        private final XmlCursor xml;

        CursorFold(XmlCursor xml) {
            this.xml = xml;
        }

        @Override
        long text(String attribute) {
            int i = xml.attributeIndex(attribute);
            return i < 0 ? 0 : xml.attributeValue(i).hashCode();
        }

        @Override
        long integer(String attribute) {
            int i = xml.attributeIndex(attribute);
            return i < 0 ? 0 : xml.integerValue(i);
        }

        @Override
        long real(String attribute) {
            int i = xml.attributeIndex(attribute);
            return i < 0 ? 0 : Double.doubleToLongBits(xml.realValue(i));
        }
    }

    /** Attributes from a StAX parser: a String each, numbers parsed from it. */
    private static final class StaxFold extends ElementFold {
        private final XMLStreamReader xml;

        StaxFold(XMLStreamReader xml) {
            this.xml = xml;
        }

        @Override
        long text(String attribute) {
            String value = xml.getAttributeValue(null, attribute);
            return value == null ? 0 : value.hashCode();
        }

        @Override
        long integer(String attribute) {
            String value = xml.getAttributeValue(null, attribute);
            return value == null ? 0 : PythonNumbers.parseInt(value);
        }

        @Override
        long real(String attribute) {
            String value = xml.getAttributeValue(null, attribute);
            return value == null ? 0 : Double.doubleToLongBits(PythonNumbers.parseFloat(value));
        }
    }

    /** A StAX factory with what a safe reader of untrusted files turns off: DTDs and external entities. */
    private static XMLInputFactory plainStax(XMLInputFactory factory) {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
