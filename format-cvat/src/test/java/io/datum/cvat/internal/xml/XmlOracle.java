package io.datum.cvat.internal.xml;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.datum.spi.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * What a document means, as the reference parser of the differential tests (Aalto, reading the
 * bytes itself, with its own encoding detection) sees it, and the same as an {@link XmlCursor}
 * gives it: one line per event inside the root element, text coalesced, comments and processing
 * instructions left out. A DOCTYPE or an entity reference counts as a refusal (docs/differences.md, S2).
 * Where Aalto is laxer than XML 1.0 and Namespaces in XML 1.0, the oracle adds the check (see
 * {@link #read}).
 */
final class XmlOracle {
    /**
     * The events of an accepted document; {@code attributes} has, for each start, the local names
     * of its attributes in document order (a cursor is asked for them by name).
     */
    record Events(List<String> lines, List<List<String>> attributes) {
    }

    private XmlOracle() {
    }

    /**
     * The reference parser's events, or null when it refuses the document. Aalto does not check
     * that UTF-8 is in its shortest form (it takes C0 AF for '/'), which XML requires: the JDK's
     * strict decoder checks the bytes of a document without a UTF-16 byte-order mark first.
     */
    static Events read(byte[] xml) {
        boolean utf16 = xml.length >= 2 && ((xml[0] & 0xFF) == 0xFE && (xml[1] & 0xFF) == 0xFF
                || (xml[0] & 0xFF) == 0xFF && (xml[1] & 0xFF) == 0xFE || xml[0] == 0 || xml[1] == 0);
        if (!utf16) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(xml));
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        List<String> lines = new ArrayList<>();
        List<List<String>> attributes = new ArrayList<>();
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        depth++;
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            String prefix = r.getNamespacePrefix(i);
                            if (prefix != null && !prefix.isEmpty() && (r.getNamespaceURI(i) == null || r.getNamespaceURI(i).isEmpty())) {
                                return null;  // undeclaring a prefix: Namespaces in XML 1.0 forbids it, Aalto allows it
                            }
                        }
                        String ns = r.getNamespaceURI();
                        StringBuilder line = new StringBuilder("start ").append(ns == null || ns.isEmpty() ? "" : "{" + ns + "}")
                                .append(r.getLocalName());
                        List<String> names = new ArrayList<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            names.add(r.getAttributeLocalName(i));
                            line.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
                        }
                        lines.add(line.toString());
                        attributes.add(names);
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        depth--;
                        lines.add("end");
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                        if (depth > 0) {
                            lines.add("text " + r.getText());
                        }
                    }
                    case XMLStreamReader.DTD, XMLStreamReader.ENTITY_REFERENCE -> {
                        return null;
                    }
                    default -> {
                    }
                }
            }
            r.close();
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
        return new Events(merged(lines), attributes);
    }

    /**
     * A cursor's events to the end, each start with the attributes {@code expected} lists for it
     * (looked up by local name), or null when the cursor refuses the document with a
     * {@link DatasetException}. Any other exception is a failure of the reader and is thrown.
     */
    static List<String> events(XmlCursor c, Events expected) {
        List<String> lines = new ArrayList<>();
        int starts = 0;
        try (c) {
            int e;
            while ((e = c.next()) != XmlCursor.END_DOCUMENT) {
                if (e == XmlCursor.START_ELEMENT) {
                    StringBuilder line = new StringBuilder("start ").append(c.name());
                    if (expected != null && starts < expected.attributes().size()) {
                        for (String name : expected.attributes().get(starts)) {
                            line.append(' ').append(name).append('=').append(c.attribute(name));
                        }
                    }
                    starts++;
                    lines.add(line.toString());
                } else if (e == XmlCursor.END_ELEMENT) {
                    lines.add("end");
                } else {
                    lines.add("text " + new String(c.textCharacters(), c.textStart(), c.textLength()));
                }
            }
        } catch (DatasetException e) {
            return null;
        }
        return merged(lines);
    }

    /** Opens a cursor; an I/O failure of a test's own file is the test's failure. */
    interface Opener {
        XmlCursor open() throws IOException;
    }

    /** {@link #events(XmlCursor, Events)} of the cursor {@code opener} gives; null when opening refuses the document. */
    static List<String> events(Opener opener, Events expected) throws IOException {
        XmlCursor c;
        try {
            c = opener.open();
        } catch (DatasetException e) {
            return null;
        }
        return events(c, expected);
    }

    /** Adjacent text events joined, empty ones dropped: parsers may split text anywhere. */
    static List<String> merged(List<String> events) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("text ") && !out.isEmpty() && out.get(out.size() - 1).startsWith("text ")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + e.substring(5));
            } else if (!e.equals("text ")) {
                out.add(e);
            }
        }
        return out;
    }
}
