package io.datum.cvat.internal.xml;

import static io.datum.cvat.internal.xml.XmlBytes.CONTROL;
import static io.datum.cvat.internal.xml.XmlBytes.LONGS;
import static io.datum.cvat.internal.xml.XmlBytes.NAME_PART;
import static io.datum.cvat.internal.xml.XmlBytes.NON_ASCII;
import static io.datum.cvat.internal.xml.XmlBytes.REFERENCE;
import static io.datum.cvat.internal.xml.XmlBytes.matches;

import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A strict, non-validating XML 1.0 pull parser over UTF-8 bytes, for the CVAT readers' hot path.
 *
 * <p>Why not a StAX parser (Aalto reads other encodings, and UTF-8 too when chosen, see
 * {@link SafeXml}): a CVAT file of a million images is 2.6 GB of XML; this scanner works on the
 * bytes, keeps attribute values and text undecoded until someone asks for them, skims, and reads
 * a file in chunks on two threads, and a million-image conversion with it needs a third of the
 * CPU time it needs with Aalto (docs/performance.md). It checks well-formedness as a conforming
 * parser does (names, nesting, quoting, references, characters, UTF-8), so a file it accepts is
 * one Aalto accepts, with the same content (a differential test holds it to that); it
 * refuses every DOCTYPE and every entity but the five predefined ones (docs/differences.md, S2), and enforces
 * {@link XmlLimits} while it reads, before a long value is held whole.
 *
 * <p>Namespaces are honoured as far as the CVAT readers can tell the difference: an element in a
 * namespace is named {@code {uri}name}; an attribute is found by its local name; an unbound prefix
 * is an error.
 *
 * <p>The scanner is built in layers, each a superclass of the next: {@link XmlInputBuffer} (the bytes,
 * refills, positions, errors), {@link XmlLexer} (names, references, UTF-8, decoding), {@link XmlTextScanner}
 * (text, comments, CDATA, processing instructions), {@link XmlTagScanner} (tags, attributes, namespaces,
 * leaves) and this class (events, chunks, skimming, the cursor's accessors). The layers' methods are final
 * or static, so the split adds no virtual call to the per-byte path.
 */
public final class Utf8XmlScanner extends XmlTagScanner {
    // Reading one chunk of a file (ChunkedFramePass): it stops, as at the end of the document, at the
    // first of these positions (ascending, file offsets after the mark) that it reaches right
    // inside the root element; stoppedAt tells which, -1 when it read to the end.
    private long[] stops = new long[0];
    private int nextStop;
    private int stoppedAt = -1;

    private char[] text = new char[256];
    private int textLength = -1;             // -1: not decoded yet

    /**
     * @param in      the file's bytes after its byte-order mark, if any
     * @param path    the file, read again to find line numbers
     * @param skipped the length of the byte-order mark
     */
    Utf8XmlScanner(InputStream in, Path path, int skipped, String file, XmlLimits limits) {
        this(in, path, skipped, file, limits, BUFFER_SIZE);
    }

    /** With a buffer of {@code bufferSize} bytes: tests make it small to move every refill cheaply. */
    Utf8XmlScanner(InputStream in, Path path, int skipped, String file, XmlLimits limits, int bufferSize) {
        super(in, path, skipped, file, limits, bufferSize);
    }

    @Override
    public int next() {
        try {
            return advance();
        } catch (IOException e) {
            throw new DatasetException(file, -1, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    private int advance() throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            return endElement();
        }
        attributeCount = 0;
        textLength = -1;
        cdata = false;
        textOf = null;
        attributesOf = null;
        if (replaying != null) {
            return replay();
        }
        while (true) {
            tok = eventAt = tokenEnd;
            if (nextStop < stops.length && discarded + tok >= stops[nextStop] && reachedStop()) {
                return END_DOCUMENT;
            }
            int p = tok;
            if (p == limit && (p = more(p)) < 0) {
                if (!rootSeen) {
                    throw malformed("premature end of file (no root element)");
                }
                if (depth > 0) {
                    throw malformed("the file ends inside <" + openNames[depth - 1] + ">");
                }
                return END_DOCUMENT;
            }
            if (buf[p] != '<') {
                if (scanText(p)) {
                    return CHARACTERS;
                }
                continue;
            }
            if ((p = need(p, 2)) < 0) {
                throw malformed("the file ends inside markup");
            }
            byte second = buf[p + 1];
            if (second == '/') {
                return endTag(p + 2);
            } else if (second == '!') {
                if (bang(p + 2)) {
                    return CHARACTERS;
                }
            } else if (second == '?') {
                processingInstruction(p + 2);
            } else {
                return startTag(p + 1);
            }
        }
    }

    /**
     * Reads from {@code offset} (a position skimTo() found, after the byte-order mark) as if inside
     * the root element {@code root}: the chunk of a file that another thread reads while the
     * chunks before it are read. Line numbers stay those of the whole file.
     */
    public static Utf8XmlScanner chunk(Path path, int mark, long offset, String root, String file, XmlLimits limits)
            throws IOException {
        return chunk(path, mark, offset, root, file, limits, BUFFER_SIZE);
    }

    public static Utf8XmlScanner chunk(Path path, int mark, long offset, String root, String file, XmlLimits limits,
            int bufferSize) throws IOException {
        InputStream in = java.nio.file.Files.newInputStream(path);
        try {
            in.skipNBytes(mark + offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        Utf8XmlScanner s = new Utf8XmlScanner(in, path, mark, file, limits, bufferSize);
        s.discarded = offset;
        s.rootSeen = true;
        s.depth = 1;
        s.open[0] = new ScannedName(root.getBytes(StandardCharsets.UTF_8), 0, root, null, root, false);
        s.openNames[0] = root;
        return s;
    }

    /** Stops at the first of {@code positions} (ascending, not changed afterwards) reached right inside the root; see {@link #stoppedAt()}. */
    public void stopAt(long[] positions) {
        this.stops = positions;
        this.nextStop = 0;
    }

    /** Which stop the reading ended at, or -1 when it read to the end of the file (or has not ended). */
    public int stoppedAt() {
        return stoppedAt;
    }

    /** The position of the current token: the {@code <} of the tag skimTo() just read. */
    public long position() {
        return discarded + tok;
    }

    /** The length of the byte-order mark before the positions. */
    public int mark() {
        return skipped;
    }

    /** Whether the namespace declarations seen so far are none (a chunk is read without them). */
    public boolean noNamespaces() {
        return bindings.isEmpty();
    }

    /** At or past the next stop: true when exactly at it, right inside the root (then the reading ends there). */
    private boolean reachedStop() {
        long at = discarded + tok;
        while (nextStop < stops.length && stops[nextStop] < at) {
            nextStop++;  // passed inside an element: the chunk that starts there is not used
        }
        if (nextStop < stops.length && stops[nextStop] == at && depth == 1 && !pendingEnd) {
            stoppedAt = nextStop;
            return true;
        }
        return false;
    }

    /**
     * Skips ahead to the next start tag named {@code first} or {@code second}, wherever it is,
     * and reads that tag (its attributes are then available); null at the end of the file.
     *
     * <p>For a quick look at a whole file, several times faster than reading it: in a well-formed
     * document a {@code <} only starts markup outside comments, CDATA sections and processing
     * instructions, so everything else is passed over unchecked. The element structure is not
     * followed (the depth stays as it was) and the file is not checked: a later full read does that.
     */
    public String skimTo(String first, String second) {
        try {
            return skim(first, second);
        } catch (IOException e) {
            throw new DatasetException(file, -1, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    private String skim(String first, String second) throws IOException {
        pendingEnd = false;
        attributeCount = 0;
        int p = tokenEnd;
        while (true) {
            tok = eventAt = p;
            p = nextMarkup(p, first.charAt(0), second.charAt(0));
            if (p < 0) {
                tokenEnd = limit;
                return null;
            }
            if ((p = need(p, 2)) < 0) {
                tokenEnd = limit;
                return null;
            }
            tok = eventAt = p;
            byte c = buf[p + 1];
            if (c == '!') {
                tokenEnd = p + 2;
                // startsWith may move the buffer: positions are taken from tok after it
                if (startsWith(p + 2, "--")) {
                    p = skipPast(tok + 4, "-->");
                } else if (startsWith(tok + 2, "[CDATA[")) {
                    p = skipPast(tok + 9, "]]>");
                } else {
                    p = tok + 2;
                }
            } else if (c == '?') {
                p = skipPast(p + 2, "?>");
            } else if (c == first.charAt(0) && namedAt(p + 1, first) || c == second.charAt(0) && namedAt(p + 1, second)) {
                p = tok;
                int saved = depth;
                depth = Math.max(depth, 1);  // read as an element inside the root
                startTag(p + 1);
                depth = saved;
                pendingEnd = false;
                replaying = null;
                attributesOf = null;
                return name;
            } else {
                p = tok + 1;
            }
            if (p < 0) {
                tokenEnd = limit;
                return null;
            }
        }
    }

    /** Whether the markup at {@code p} is a name equal to {@code name} (followed by a non-name byte). */
    private boolean namedAt(int p, String name) throws IOException {
        int q = need(p, name.length() + 1);
        if (q < 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (buf[q + i] != name.charAt(i)) {
                return false;
            }
        }
        int after = buf[q + name.length()];
        return after < 0 ? false : !NAME_PART[after];
    }

    /**
     * The position of the next {@code <} from {@code p} that {@link #skim} must look at: one
     * followed by {@code !}, {@code ?}, {@code a} or {@code b}; or -1 at the end. Eight bytes at a
     * time with the byte after each: stopping at every {@code <} (one in twenty bytes of CVAT XML)
     * made the skim of a large file a sixth of its conversion. Near the end of what is buffered it
     * may return any {@code <}.
     */
    private int nextMarkup(int p, char a, char b) throws IOException {
        long first = (a & 0xFFL) * 0x0101010101010101L;
        long second = (b & 0xFFL) * 0x0101010101010101L;
        while (true) {
            while (p + 9 <= limit) {
                long hits = matches((long) LONGS.get(buf, p), 0x3C3C3C3C3C3C3C3CL);
                if (hits != 0) {
                    long after = (long) LONGS.get(buf, p + 1);
                    hits &= matches(after, first) | matches(after, second)
                            | matches(after, 0x2121212121212121L) | matches(after, 0x3F3F3F3F3F3F3F3FL);
                    if (hits != 0) {
                        return p + (Long.numberOfTrailingZeros(hits) >>> 3);
                    }
                }
                p += 8;
            }
            while (p < limit) {
                if (buf[p] == '<') {
                    return p;
                }
                p++;
            }
            tok = p;
            if ((p = more(p)) < 0) {
                return -1;
            }
        }
    }

    /** The position after the next {@code end} from {@code p}, or -1 at the end of the file. */
    private int skipPast(int p, String end) throws IOException {
        byte first = (byte) end.charAt(0);
        while (true) {
            if (p == limit) {
                tok = p;
                if ((p = more(p)) < 0) {
                    return -1;
                }
            }
            if (buf[p] == first) {
                tok = p;
                if (startsWith(p, end)) {
                    return tok + end.length();
                }
                p = tok;
            }
            p++;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int attributeIndex(String localName) {
        for (int i = 0; i < attributeCount; i++) {
            ScannedName n = attributeNames[i];
            if (n.local == localName && !n.declaresNamespace) {
                return i;
            }
        }
        for (int i = 0; i < attributeCount; i++) {
            ScannedName n = attributeNames[i];
            if (n.local.equals(localName) && !n.declaresNamespace) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String attributeValue(int index) {
        ScannedLeaf leaf = attributesOf;
        if (leaf != null) {
            String v = leaf.values[index];
            return v != null ? v : (leaf.values[index] = value(index));
        }
        return value(index);
    }

    @Override
    public int lookUp(String localName, NameTable names) {
        int i = attributeIndex(localName);
        if (i < 0) {
            return NameTable.ABSENT;
        }
        // plain ASCII: looked up from the bytes, without a String
        return valueFlags[i] == 0 ? names.find(buf, tok + valueFrom[i], tok + valueTo[i]) : names.find(attributeValue(i));
    }

    @Override
    public double realValue(int index) {
        // plain ASCII (no reference to resolve, no line end to normalise): straight from the bytes
        return valueFlags[index] == 0 ? PythonNumbers.parseFloat(buf, tok + valueFrom[index], tok + valueTo[index])
                : PythonNumbers.parseFloat(value(index));
    }

    @Override
    public long integerValue(int index) {
        return valueFlags[index] == 0 ? PythonNumbers.parseInt(buf, tok + valueFrom[index], tok + valueTo[index])
                : PythonNumbers.parseInt(value(index));
    }

    @Override
    public String text() {
        if (textOf != null) {
            String t = textOf.text;
            return t != null ? t : (textOf.text = scannedText());
        }
        return scannedText();
    }

    private String scannedText() {
        if (textLength < 0 && !cdata && (textFlags & (NON_ASCII | REFERENCE | CONTROL)) == 0) {
            int from = tok + textFrom;
            int to = tok + textTo;
            // the text of an <attribute> is mostly a few repeated words (true, 1.0): the cached String
            return to - from <= SHORT_VALUE ? (to == from ? "" : shortValue(from, to))
                    : new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return new String(textCharacters(), textStart(), textLength());
    }

    @Override
    public char[] textCharacters() {
        if (textLength < 0) {
            int from = tok + textFrom;
            int to = tok + textTo;
            if (text.length < to - from) {
                text = new char[Math.max(to - from, text.length * 2)];
            }
            if ((textFlags & (NON_ASCII | REFERENCE | CONTROL)) == 0) {
                for (int i = from; i < to; i++) {
                    text[i - from] = (char) buf[i];
                }
                textLength = to - from;
            } else {
                StringBuilder out = new StringBuilder(to - from);
                if (cdata) {
                    decode(from, to, false, out, false);
                } else {
                    decode(from, to, false, out);
                }
                out.getChars(0, out.length(), text, 0);
                textLength = out.length();
            }
        }
        return text;
    }

    @Override
    public int textStart() {
        return 0;
    }

    @Override
    public int textLength() {
        textCharacters();
        return textLength;
    }

    @Override
    public int depth() {
        return depth;
    }

}
