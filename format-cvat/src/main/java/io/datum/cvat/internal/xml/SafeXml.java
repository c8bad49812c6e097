package io.datum.cvat.internal.xml;

import io.datum.spi.DatasetException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Opens XML for reading without the features an attacker could use (docs/differences.md, S2): no DTD (a
 * DOCTYPE is refused as soon as it is seen), no entity expansion, no external resources, and the
 * size limits of {@link XmlLimits}. The bytes are decoded here rather than by the parser so that
 * {@link LimitedXmlReader} sees characters: the encoding comes from a byte-order mark or the XML
 * declaration, UTF-8 by default.
 *
 * <p>Two readers, chosen by {@link XmlLimits#utf8Parser()} (the importer's option
 * {@code --xml-reader}, else its configuration {@code xml.reader}, else the system property
 * {@code datum.cvat.xml}): {@code scanner} (the default) reads UTF-8
 * files with {@link Utf8XmlScanner}, {@code library} reads them with the
 * Aalto StAX parser as every other encoding is read. Both accept the same documents and give the
 * same events (a differential test holds them to it). The scanner is the default because a
 * million-image conversion needs three times its CPU time with Aalto, well past that
 * conversion's target; the library stays as a second opinion on a file.
 */
public final class SafeXml {
    /** Which parser reads UTF-8 files. */
    public enum Utf8Parser {
        SCANNER, LIBRARY;

        /**
         * The parser named {@code value} ({@code scanner} or {@code library}, any case).
         *
         * @throws IllegalArgumentException naming the value when it names neither
         */
        public static Utf8Parser named(String value) {
            for (Utf8Parser r : values()) {
                if (r.name().equalsIgnoreCase(value.strip())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not a CVAT XML reader (scanner or library)");
        }
    }

    /** The encoding pseudo-attribute of a declaration, whatever its value (checked against {@link #ENCODING_NAME}). */
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?encoding\\s*=\\s*([\"'])([^\"']*)\\1");
    /** What XML allows as an encoding name. */
    private static final Pattern ENCODING_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private SafeXml() {
    }

    /**
     * A parser over {@code file}; {@code shownName} is how errors name the file. UTF-8 files (every
     * CVAT export) go to the reader {@link XmlLimits#utf8Parser()} picks; other encodings to Aalto.
     */
    public static XmlCursor open(Path file, String shownName, XmlLimits limits) throws IOException {
        return open(file, shownName, limits, limits.utf8Parser() == null ? Utf8Parser.SCANNER : limits.utf8Parser());
    }

    public static XmlCursor open(Path file, String shownName, XmlLimits limits, Utf8Parser utf8Parser) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            int mark = byteOrderMark(in);
            Charset charset = charset(in, shownName);
            if (charset.equals(StandardCharsets.UTF_8) && utf8Parser == Utf8Parser.SCANNER) {
                return new Utf8XmlScanner(in, file, mark, shownName, limits);
            }
            Reader reader = new LimitedXmlReader(decoder(in, charset), limits);
            XMLStreamReader xml = factory().createXMLStreamReader(reader);
            return new Parser(xml, reader, shownName, limits);
        } catch (XMLStreamException e) {
            in.close();
            throw error(shownName, e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static XMLInputFactory factory() {
        // Aalto's factory made directly: XMLInputFactory.newInstance() looks for an implementation
        // on the caller's class path, which in OSGi is not this bundle's.
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        // every error from next(), none later from the text or attribute getters
        f.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** The length of the file's byte-order mark; the stream is left at its start. */
    private static int byteOrderMark(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(3);
        in.reset();
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        return head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) ? 2 : 0;
    }

    /**
     * Picks the charset from a byte-order mark (or the first bytes of a UTF-16 {@code <}) or the
     * declaration, and skips the mark. A declaration that names another encoding than the mark is
     * an error, as XML makes it: the file is not in the encoding it says.
     */
    private static Charset charset(InputStream in, String shownName) throws IOException {
        in.mark(256);
        byte[] head = in.readNBytes(256);
        in.reset();
        Charset detected = null;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            detected = StandardCharsets.UTF_8;
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            detected = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            detected = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            detected = StandardCharsets.UTF_16LE;
        } else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            detected = StandardCharsets.UTF_16BE;
        }
        // the declaration is ASCII: read as Latin-1 unless the bytes are UTF-16
        Charset headCharset = detected != null && detected != StandardCharsets.UTF_8 ? detected : StandardCharsets.ISO_8859_1;
        Matcher m = DECLARED_ENCODING.matcher(new String(head, skip, head.length - skip, headCharset));
        Charset declared = null;
        if (m.find()) {
            String name = m.group(2);
            if (!ENCODING_NAME.matcher(name).matches()) {
                throw DatasetException.at(shownName, 1, "malformed XML: '" + name + "' is not an encoding name");
            }
            try {
                declared = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw DatasetException.at(shownName, 1, "unsupported encoding '" + name + "'");
            }
            if (!isRegisteredName(declared, name)) {
                throw DatasetException.at(shownName, 1, "malformed XML: '" + name + "' is not the name of an encoding"
                        + " (write '" + declared.name() + "')");
            }
            if (detected != null && !(detected == StandardCharsets.UTF_8 ? declared.equals(StandardCharsets.UTF_8)
                    : declared.name().startsWith("UTF-16"))) {
                throw DatasetException.at(shownName, 1, "the file is in " + (detected == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16")
                        + " (its first bytes say so), but its declaration names the encoding '" + name + "'");
            }
        }
        in.skipNBytes(skip);
        return detected != null ? detected : declared != null ? declared : StandardCharsets.UTF_8;
    }

    /**
     * Whether {@code name} is a registered (IANA) name of {@code charset}, as XML wants encoding
     * names to be: Java also knows names of its own ({@code UTF8}, {@code UTF_16}) that a
     * conforming parser refuses. Checked for the Unicode encodings, whose registered name is the
     * canonical one (in any letter case); other charsets keep Java's names.
     */
    private static boolean isRegisteredName(Charset charset, String name) {
        String canonical = charset.name();
        return !canonical.startsWith("UTF-") || name.equalsIgnoreCase(canonical);
    }

    /** Decodes {@code charset}, refusing undecodable bytes. */
    private static Reader decoder(InputStream in, Charset charset) {
        return new StrictDecodingReader(in, charset);
    }

    /** The message of a parser failure, with its position, as one line naming the file. */
    static DatasetException error(String shownName, XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : nested(t)) {
            if (t instanceof LimitedXmlReader.LimitExceeded limit) {
                return DatasetException.at(shownName, limit.line, limit.column, limit.getMessage());
            }
            if (t instanceof StrictDecodingReader.Malformed bad) {
                return DatasetException.at(shownName, bad.line, bad.column, bad.getMessage());
            }
            if (t instanceof IOException io) {
                return new DatasetException(shownName, -1, -1, "cannot read: " + io.getMessage(), io);
            }
        }
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        // the parser appends the position on a line of its own; the message gives it in front
        int lineEnd = message.indexOf('\n');
        if (lineEnd >= 0) {
            message = message.substring(0, lineEnd);
        }
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
        return DatasetException.at(shownName, line, column, "malformed XML: " + message.strip());
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x ? x.getNestedException() : null;
    }

    /**
     * A StAX parser (Aalto) with its file name for errors: every read goes through {@link #next()}, which
     * turns parser failures into {@link DatasetException}s, refuses DTDs, counts the depth and
     * reports only the events of {@link XmlCursor}.
     */
    static final class Parser implements XmlCursor {
        private final XMLStreamReader xml;
        private final Reader source;
        private final String file;
        private final XmlLimits limits;
        private int depth;

        private Parser(XMLStreamReader xml, Reader source, String file, XmlLimits limits) {
            this.xml = xml;
            this.source = source;
            this.file = file;
            this.limits = limits;
        }

        @Override
        public String file() {
            return file;
        }

        @Override
        public int depth() {
            return depth;
        }

        @Override
        public String name() {
            String ns = xml.getNamespaceURI();
            return ns == null || ns.isEmpty() ? xml.getLocalName() : "{" + ns + "}" + xml.getLocalName();
        }

        @Override
        public int attributeIndex(String localName) {
            if (xml.getEventType() != XMLStreamReader.START_ELEMENT) {
                return -1;
            }
            for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                if (xml.getAttributeLocalName(i).equals(localName)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String attributeValue(int index) {
            return xml.getAttributeValue(index);
        }

        @Override
        public char[] textCharacters() {
            return xml.getTextCharacters();
        }

        @Override
        public int textStart() {
            return xml.getTextStart();
        }

        @Override
        public int textLength() {
            return xml.getTextLength();
        }

        @Override
        public int next() {
            while (true) {
                switch (event()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        return START_ELEMENT;
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        return END_ELEMENT;
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                        return CHARACTERS;
                    }
                    case XMLStreamReader.END_DOCUMENT -> {
                        return END_DOCUMENT;
                    }
                    default -> {
                        // comments, processing instructions: not part of the data
                    }
                }
            }
        }

        /** The next StAX event; END_DOCUMENT at the end. */
        private int event() {
            int event;
            try {
                event = xml.next();
            } catch (XMLStreamException e) {
                throw error(file, e);
            }
            switch (event) {
                case XMLStreamReader.DTD -> {
                    // Aalto's position in the prolog is where the token before ended: the DOCTYPE's end
                    // is on the line it is written on (the last one, when its internal subset spans lines)
                    Location end;
                    try {
                        end = ((XMLStreamReader2) xml).getLocationInfo().getEndLocation();
                    } catch (XMLStreamException e) {
                        throw error(file, e);
                    }
                    throw DatasetException.at(file, end.getLineNumber(), end.getColumnNumber(),
                            "a DOCTYPE is not allowed in a CVAT file (DTDs and entities are refused)");
                }
                case XMLStreamReader.ENTITY_REFERENCE, XMLStreamReader.ENTITY_DECLARATION ->
                        throw at("entities are not allowed in a CVAT file");
                case XMLStreamReader.START_ELEMENT -> {
                    if (++depth > limits.maxDepth()) {
                        throw at("elements nested deeper than " + limits.maxDepth() + " levels (limit of the CVAT reader)");
                    }
                    // the scanner's rules: Aalto lets a prefix be undeclared, as Namespaces 1.1 allows
                    for (int i = 0, n = xml.getNamespaceCount(); i < n; i++) {
                        String prefix = xml.getNamespacePrefix(i);
                        String uri = xml.getNamespaceURI(i);
                        String problem = XmlNamespaces.bindingProblem(prefix == null ? "" : prefix, uri == null ? "" : uri);
                        if (problem != null) {
                            throw at("malformed XML: " + problem);
                        }
                    }
                }
                case XMLStreamReader.END_ELEMENT -> depth--;
                default -> {
                }
            }
            return event;
        }

        @Override
        public long line() {
            return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
        }

        @Override
        public long column() {
            return xml.getLocation() == null ? -1 : xml.getLocation().getColumnNumber();
        }

        @Override
        public void close() {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing never loses data here; the source is closed below
            }
            try {
                source.close();
            } catch (IOException e) {
                // nothing was written, so nothing is lost
            }
        }
    }
}
