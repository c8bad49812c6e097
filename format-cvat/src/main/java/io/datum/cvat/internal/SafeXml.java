package io.datum.cvat.internal;

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
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens XML for reading without the features an attacker could use (decisions S2): no DTD (a
 * DOCTYPE is refused as soon as it is seen), no entity expansion, no external resources, and the
 * size limits of {@link XmlLimits}. The bytes are decoded here rather than by the parser so that
 * {@link LimitedXmlReader} sees characters: the encoding comes from a byte-order mark or the XML
 * declaration, UTF-8 by default.
 */
final class SafeXml {
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private SafeXml() {
    }

    /**
     * A parser over {@code file}; {@code shownName} is how errors name the file. UTF-8 files (every
     * CVAT export) go to {@link Utf8XmlScanner}; other encodings to the JDK's StAX parser.
     */
    static XmlCursor open(Path file, String shownName, XmlLimits limits) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            int mark = byteOrderMark(in);
            Charset charset = charset(in, shownName);
            if (charset.equals(StandardCharsets.UTF_8)) {
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
        // The JDK's own implementation, whatever else is on the class path: its behaviour is the one tested.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
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

    /** Picks the charset from a byte-order mark or the declaration, and skips the mark. */
    private static Charset charset(InputStream in, String shownName) throws IOException {
        in.mark(256);
        byte[] head = in.readNBytes(256);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        } else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            charset = StandardCharsets.UTF_16BE;
        } else {
            Matcher m = DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    throw DatasetException.at(shownName, 1, "unsupported encoding '" + m.group(1) + "'");
                }
            }
        }
        in.skipNBytes(skip);
        return charset;
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
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
        return DatasetException.at(shownName, line, column, "malformed XML: " + message.strip());
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x ? x.getNestedException() : null;
    }

    /**
     * The JDK's parser with its file name for errors: every read goes through {@link #next()}, which
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
        public String attribute(String localName) {
            return xml.getAttributeValue(null, localName);
        }

        @Override
        public int attributeIndex(String localName) {
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
                case XMLStreamReader.DTD -> throw at("a DOCTYPE is not allowed in a CVAT file (DTDs and entities are refused)");
                case XMLStreamReader.ENTITY_REFERENCE, XMLStreamReader.ENTITY_DECLARATION ->
                        throw at("entities are not allowed in a CVAT file");
                case XMLStreamReader.START_ELEMENT -> {
                    if (++depth > limits.maxDepth()) {
                        throw at("elements nested deeper than " + limits.maxDepth() + " levels (limit of the CVAT reader)");
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
