package io.datum.cvat.internal.xml;

import com.fasterxml.aalto.util.XmlChars;
import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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
 * refuses every DOCTYPE and every entity but the five predefined ones (decisions S2), and enforces
 * {@link XmlLimits} while it reads, before a long value is held whole.
 *
 * <p>Namespaces are honoured as far as the CVAT readers can tell the difference: an element in a
 * namespace is named {@code {uri}name}; an attribute is found by its local name; an unbound prefix
 * is an error.
 */
public final class Utf8XmlScanner implements XmlCursor {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_ATTRIBUTES = 1 << 16;
    private static final Pattern DECLARATION = Pattern.compile("[ \\t\\r\\n]+version[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"1\\.[0-9]+\"|'1\\.[0-9]+')"
            + "([ \\t\\r\\n]+encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"[A-Za-z][A-Za-z0-9._-]*\"|'[A-Za-z][A-Za-z0-9._-]*'))?"
            + "([ \\t\\r\\n]+standalone[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"(yes|no)\"|'(yes|no)'))?[ \\t\\r\\n]*");

    // attribute and text flags: what decoding has to do beyond copying ASCII
    private static final int NON_ASCII = 1;
    private static final int REFERENCE = 2;
    private static final int CONTROL = 4;   // CR, or in an attribute value TAB/LF/CR, to normalise
    private static final int NOT_SPACE = 8;

    private static final boolean[] NAME_START = new boolean[128];
    private static final boolean[] NAME_PART = new boolean[128];
    /** Bytes that only lengthen an attribute value or text: printable ASCII but for the few that end or escape. */
    private static final boolean[] PLAIN_VALUE = new boolean[256];
    private static final boolean[] PLAIN_TEXT = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            NAME_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            NAME_PART[c] = NAME_START[c] || c >= '0' && c <= '9' || c == '-' || c == '.';
            PLAIN_VALUE[c] = c >= 0x20 && c != '<' && c != '&' && c != '"' && c != '\'';
            PLAIN_TEXT[c] = c >= 0x20 && c != '<' && c != '&' && c != '>' || c == '\n' || c == '\t';
        }
    }

    /**
     * An element or attribute name as read: its bytes, its text (interned, so that lookups by a
     * constant are an identity check), its prefix and local part.
     */
    private static final class Name {
        final byte[] bytes;
        final int hash;
        final String text;
        final String prefix;
        final String local;
        final boolean declaresNamespace;
        /** The bytes as little-endian words, the last one zero-padded: compared eight at a time. */
        final long[] words;
        final long lastMask;
        /*
         * What came last time, for a guess that is checked before it is used: the element started
         * last inside this one, and this element's attributes in order (already checked for
         * duplicates). A dataset repeats the same few tags millions of times, so the guess saves
         * scanning and looking up almost every name.
         */
        Name lastChild;
        Name[] knownAttributes = new Name[0];
        boolean knownAttributesPlain = true;  // no attributes: nothing to bind
        /** This element's leaves seen before, by a hash of their first bytes after the name; null until one is seen. */
        Leaf[] leaves;
        /** Start tags looked at for a leaf while none was found: an element with children stops being looked at. */
        int leafLooks;
        /** Start tags found among the leaves, and not: an element mostly not met again (an empty image) stops being looked up. */
        int leafHits;
        int leafMisses;

        Name(byte[] bytes, int hash, String text, String prefix, String local, boolean declaresNamespace) {
            this.bytes = bytes;
            this.hash = hash;
            this.text = text;
            this.prefix = prefix;
            this.local = local;
            this.declaresNamespace = declaresNamespace;
            this.words = new long[Math.max(1, (bytes.length + 7) >>> 3)];
            for (int i = 0; i < bytes.length; i++) {
                words[i >>> 3] |= (bytes[i] & 0xFFL) << ((i & 7) << 3);
            }
            int tail = bytes.length & 7;
            this.lastMask = tail == 0 && bytes.length > 0 ? -1L : (1L << (tail << 3)) - 1;
        }
    }

    /**
     * A whole text-only element as read once ({@code <attribute name="score">1.0</attribute>}):
     * the bytes after its name up to the end of its end tag, and what reading them gave, as
     * offsets from the start tag's {@code <}. The same bytes read again give the same events, so
     * a leaf met again is checked by comparing bytes and its three events replayed: CVAT files
     * repeat a few dozen such lines millions of times, and they are most of a file's events.
     */
    private static final class Leaf {
        final byte[] bytes;
        final Name[] attributes;
        final int[] from;
        final int[] to;
        final int[] flags;
        final int tagEnd;    // after the start tag's '>'
        final int textTo;    // the end of the text: the end tag's '<'
        final int textFlags;
        final int end;       // after the end tag's '>'
        String text;         // the text as a String, once asked for
        final String[] values;  // the attribute values as Strings, each once asked for

        Leaf(byte[] bytes, Name[] attributes, int[] from, int[] to, int[] flags, int tagEnd, int textTo, int textFlags,
             int end) {
            this.bytes = bytes;
            this.attributes = attributes;
            this.from = from;
            this.to = to;
            this.flags = flags;
            this.tagEnd = tagEnd;
            this.textTo = textTo;
            this.textFlags = textFlags;
            this.end = end;
            this.values = new String[attributes.length];
        }
    }

    private static final int LEAF_SLOTS = 64;  // 32 hashes of 2
    /** Leaves are lines, not documents: longer ones are read the usual way. */
    private static final int MAX_LEAF = 160;
    /** The first bytes after an element's name that pick a leaf's slot: they must be there to look one up. */
    private static final int LEAF_KEY = 24;
    private static final int LEAF_LOOKS = 64;

    private record Binding(String prefix, String uri, int depth) {
    }

    private final InputStream in;
    private final String file;
    private final XmlLimits limits;
    private final long maxBuffer;

    /** The bytes read at a time, and the buffer's first size (a token longer than the buffer grows it). */
    static final int BUFFER_SIZE = 1 << 16;

    private byte[] buf;
    private int tok;      // first byte of the current token; bytes before it may be discarded
    private int limit;    // end of the bytes read
    private boolean eof;

    // Where buf[0] is in the file (after a byte-order mark). Lines are not counted while reading:
    // a line number is asked for rarely (messages, label positions in <meta>), and then found by
    // reading the file again from the last position found (see locate()).
    private final Path path;
    private final int skipped;
    private long discarded;
    private long locatedAt;              // the last position located, and its line and column
    private long locatedLine = 1;
    private long locatedColumn;
    private boolean locatedAfterCr;
    private int eventAt;  // the current event's first byte (line and column point at it)
    private int referenceLength;  // characters of the reference reference() just read
    private int utf8Length;       // characters of the sequence utf8() just read
    private int utf8CodePoint;    // and the code point it encodes

    // Reading one chunk of a file (CvatChunks): it stops, as at the end of the document, at the
    // first of these positions (ascending, file offsets after the mark) that it reaches right
    // inside the root element; stoppedAt tells which, -1 when it read to the end.
    private long[] stops = new long[0];
    private int nextStop;
    private int stoppedAt = -1;

    // document state
    private int depth;
    private boolean rootSeen;
    private boolean pendingEnd;
    private Name[] open = new Name[16];
    private String[] openNames = new String[16];
    private final List<Binding> bindings = new ArrayList<>();
    private final Name[] nameCache = new Name[512];

    // current event
    private String name;
    private int attributeCount;
    private Name[] attributeNames = new Name[16];
    private int[] valueFrom = new int[16];   // offsets from tok
    private int[] valueTo = new int[16];
    private int[] valueFlags = new int[16];
    private int tokenEnd;                    // where the current token ends; the next starts there
    private int textFrom;
    private int textTo;
    private int textFlags;
    private boolean cdata;                   // the text is a CDATA section: no references in it
    private char[] text = new char[256];
    private int textLength = -1;             // -1: not decoded yet
    private Leaf replaying;                  // a leaf whose text and end events come next, else null
    private int replayAt;                    // where its start tag's '<' is
    private boolean replayedText;            // its text event has been given
    private Leaf textOf;                     // the leaf whose text is the current event, else null
    private Leaf attributesOf;               // the leaf whose start tag is the current event, else null

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
        this.buf = new byte[bufferSize];
        this.in = in;
        this.path = path;
        this.skipped = skipped;
        this.file = file;
        this.limits = limits;
        // a token (a start tag, a text run) must fit in the buffer: at most 4 bytes a character
        this.maxBuffer = Math.min(Integer.MAX_VALUE - 16,
                4L * Math.max(limits.maxAttributeLength(), limits.maxTextLength()) + (1 << 20));
    }

    // ---------------------------------------------------------------- events

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

    // ---------------------------------------------------------------- chunks

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
        s.open[0] = new Name(root.getBytes(StandardCharsets.UTF_8), 0, root, null, root, false);
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

    // ---------------------------------------------------------------- skimming

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

    // ---------------------------------------------------------------- start and end tags

    private int startTag(int p) throws IOException {
        if (depth == 0 && rootSeen) {
            throw malformed("markup after the root element");
        }
        Name parent = depth > 0 ? open[depth - 1] : null;
        Name element = nameAt(p, parent != null ? parent.lastChild : null, "element");
        p = nameEnd;
        if (parent != null && parent.lastChild != element) {
            parent.lastChild = element;  // only on a miss: a store per tag would cost a GC card mark
        }
        int afterName = p - tok;  // reading the attributes may move the buffer
        Leaf leaf = element.leaves != null ? leafAt(element, p) : null;
        if (element.leaves != null) {
            if (leaf != null) {
                element.leafHits += element.leafHits < 1 << 28 ? 1 : 0;  // enough to tell, and no overflow
            } else if (++element.leafMisses >= LEAF_LOOKS && element.leafMisses > 4 * element.leafHits) {
                element.leaves = null;
                element.leafLooks = LEAF_LOOKS;
            }
        }
        boolean selfClosing = false;
        if (leaf != null) {
            int count = leaf.attributes.length;
            for (int i = 0; i < count; i++) {  // one or two: a loop costs less than four array copies
                attributeNames[i] = leaf.attributes[i];
                valueFrom[i] = leaf.from[i];
                valueTo[i] = leaf.to[i];
                valueFlags[i] = leaf.flags[i];
            }
            attributeCount = count;
            p = tok + leaf.tagEnd;
        }
        while (leaf == null) {
            int before = p - tok;  // from the token's start: skipSpace may move the buffer
            p = skipSpace(p);
            if (p == limit && (p = more(p)) < 0) {
                throw malformed("the file ends inside the start tag of <" + element.text + ">");
            }
            byte c = buf[p];
            if (c == '>') {
                selfClosing = false;
                p++;
                break;
            }
            if (c == '/') {
                if ((p = need(p, 2)) < 0 || buf[p + 1] != '>') {
                    throw malformed("'/' must be followed by '>' in the start tag of <" + element.text + ">");
                }
                selfClosing = true;
                p += 2;
                break;
            }
            if (p - tok == before) {
                throw malformed("attributes of <" + element.text + "> must be separated by white space");
            }
            p = attribute(p, element);
        }
        tokenEnd = p;
        if (++depth > limits.maxDepth()) {
            throw at("elements nested deeper than " + limits.maxDepth() + " levels (limit of the CVAT reader)");
        }
        rootSeen = true;
        if (!sameAsKnown(element)) {
            checkDuplicatesAndBind();
            element.knownAttributes = Arrays.copyOf(attributeNames, attributeCount);
            boolean plain = true;
            for (int i = 0; i < attributeCount; i++) {
                plain &= attributeNames[i].prefix == null && !attributeNames[i].declaresNamespace;
            }
            element.knownAttributesPlain = plain;
        } else if (!element.knownAttributesPlain) {
            checkDuplicatesAndBind();
        }
        name = qualified(element);
        if (depth > open.length) {
            open = Arrays.copyOf(open, depth * 2);
            openNames = Arrays.copyOf(openNames, depth * 2);
        }
        open[depth - 1] = element;
        openNames[depth - 1] = name;
        pendingEnd = selfClosing;
        attributesOf = leaf;
        if (leaf != null) {
            replaying = leaf;
            replayAt = tok;
            replayedText = false;
        } else if (!selfClosing && (element.leaves != null || element.leafLooks < LEAF_LOOKS)) {
            rememberLeaf(element, tok + afterName, p);
        }
        return START_ELEMENT;
    }

    /** The leaf of {@code element} whose bytes are those at {@code p} (right after the name), or null. */
    private Leaf leafAt(Name element, int p) {
        if (p + LEAF_KEY > limit || !bindings.isEmpty()) {
            return null;
        }
        int slot = leafSlot(p);
        Leaf[] leaves = element.leaves;
        return isLeafAt(leaves[slot], p) ? leaves[slot] : isLeafAt(leaves[slot + 1], p) ? leaves[slot + 1] : null;
    }

    private boolean isLeafAt(Leaf leaf, int p) {
        if (leaf == null) {
            return false;
        }
        int length = leaf.bytes.length;
        return p + length <= limit && Arrays.equals(buf, p, p + length, leaf.bytes, 0, length);
    }

    private int leafSlot(int p) {
        long mixed = (long) LONGS.get(buf, p) * 0x9E3779B97F4A7C15L ^ (long) LONGS.get(buf, p + 8) * 0xC2B2AE3D27D4EB4FL
                ^ (long) LONGS.get(buf, p + 16) * 0x165667B19E3779F9L;
        return (int) (mixed >>> 59) << 1;  // two slots a hash: the first of them
    }

    /**
     * After a start tag read the usual way (its '>' just before {@code tagEnd}): when what follows
     * in the buffer is plain text and this element's end tag, remembers the whole as a leaf. The
     * text is checked here as {@link #scanText} would: ASCII without markup, references or CR.
     */
    private void rememberLeaf(Name element, int afterName, int tagEnd) {
        if (element.leaves == null) {
            element.leafLooks++;
        }
        if (!bindings.isEmpty() || element.prefix != null || !element.knownAttributesPlain
                || afterName + LEAF_KEY > limit) {
            return;
        }
        int q = tagEnd;
        int stop = Math.min(limit, afterName + MAX_LEAF);
        int flags = 0;
        while (q < stop && buf[q] >= 0 && PLAIN_TEXT[buf[q]]) {
            if (buf[q] > ' ') {
                flags = NOT_SPACE;
            }
            q++;
        }
        int length = element.bytes.length;
        int end = q + length + 3;
        if (end > stop || buf[q] != '<' || buf[q + 1] != '/' || buf[q + 2 + length] != '>'
                || !Arrays.equals(buf, q + 2, q + 2 + length, element.bytes, 0, length)) {
            return;
        }
        int count = attributeCount;
        Leaf leaf = new Leaf(Arrays.copyOfRange(buf, afterName, end), Arrays.copyOf(attributeNames, count),
                Arrays.copyOf(valueFrom, count), Arrays.copyOf(valueTo, count), Arrays.copyOf(valueFlags, count),
                tagEnd - tok, q - tok, flags, end - tok);
        if (element.leaves == null) {
            element.leaves = new Leaf[LEAF_SLOTS];
        }
        Leaf[] leaves = element.leaves;
        int slot = leafSlot(afterName);
        if (leaves[slot] != null) {
            leaves[slot + 1] = leaves[slot];  // the older of the two goes when both are taken
        }
        leaves[slot] = leaf;
    }

    /** The next event of the leaf being replayed: its text, if any, then its end. */
    private int replay() {
        Leaf leaf = replaying;
        int base = replayAt;
        if (!replayedText) {
            replayedText = true;
            if (leaf.textTo > leaf.tagEnd) {
                tok = eventAt = base + leaf.tagEnd;
                textFrom = 0;
                textTo = leaf.textTo - leaf.tagEnd;
                textFlags = leaf.textFlags;
                tokenEnd = base + leaf.textTo;
                textOf = leaf;
                return CHARACTERS;
            }
        }
        replaying = null;
        tok = eventAt = base + leaf.textTo;
        tokenEnd = base + leaf.end;
        return endElement();
    }

    private int attribute(int p, Name element) throws IOException {
        Name[] known = element.knownAttributes;
        Name guess = attributeCount < known.length ? known[attributeCount] : null;
        Name attributeName;
        byte quote;
        int length;
        if (guess != null && p + (length = guess.bytes.length) + 2 <= limit && wordsMatch(guess, p)
                && buf[p + length] == '=' && ((quote = buf[p + length + 1]) == '"' || quote == '\'')) {
            // the usual spelling, name="value", of the name guessed: name, '=' and quote checked in one go
            attributeName = guess;
            p += length + 2;
        } else {
            attributeName = nameAt(p, guess, "attribute");
            p = nameEnd;
            p = skipSpace(p);
            if ((p == limit && (p = more(p)) < 0) || buf[p] != '=') {
                throw malformed("attribute '" + attributeName.text + "' of <" + element.text + "> must be followed by '='");
            }
            p = skipSpace(p + 1);
            if ((p == limit && (p = more(p)) < 0) || buf[p] != '"' && buf[p] != '\'') {
                throw malformed("the value of attribute '" + attributeName.text + "' of <" + element.text + "> must be quoted");
            }
            quote = buf[p++];
        }
        int from = p - tok;
        int flags = 0;
        long chars = 0;
        long max = limits.maxAttributeLength();
        while (true) {
            if (p == limit && (p = more(p)) < 0) {
                throw malformed("the file ends inside the value of attribute '" + attributeName.text + "'");
            }
            int run = p;
            int end = (int) Math.min(limit, p + (max - chars) + 1);
            // eight bytes at a time up to the first that is not plain, then (for the last few) one at a time
            while (p + 8 <= end) {
                long special = notPlainValue((long) LONGS.get(buf, p));
                if (special != 0) {
                    p += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                p += 8;
            }
            while (p < end && PLAIN_VALUE[buf[p] & 0xFF]) {
                p++;
            }
            chars += p - run;
            if (chars > max) {
                eventAt = p - 1;
                throw tooLong("attribute value", max);
            }
            if (p == limit) {
                continue;
            }
            int c = buf[p];
            if (c == quote) {
                break;
            }
            if (c >= 0x20) {
                if (c == '<') {
                    throw malformed("'<' is not allowed in the value of attribute '" + attributeName.text + "'");
                }
                if (c == '&') {
                    int start = p - tok;  // reference() may move the buffer
                    p = reference(p);
                    chars += referenceLength;
                    flags |= REFERENCE;
                    if (chars > max) {
                        eventAt = tok + start;
                        throw tooLong("attribute value", max);
                    }
                    continue;
                }
                p++;
            } else if (c < 0) {
                p = utf8(p);
                chars += utf8Length;
                flags |= NON_ASCII;
                if (chars > max) {
                    throw tooLong("attribute value", max);
                }
                continue;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                flags |= CONTROL;
                p++;
            } else {
                throw invalidCharacter(p, c);
            }
            if (++chars > max) {
                eventAt = p - 1;
                throw tooLong("attribute value", max);
            }
        }
        int i = attributeCount;
        if (i == attributeNames.length) {
            if (i >= MAX_ATTRIBUTES) {
                throw malformed("<" + element.text + "> has more than " + MAX_ATTRIBUTES + " attributes");
            }
            attributeNames = Arrays.copyOf(attributeNames, i * 2);
            valueFrom = Arrays.copyOf(valueFrom, i * 2);
            valueTo = Arrays.copyOf(valueTo, i * 2);
            valueFlags = Arrays.copyOf(valueFlags, i * 2);
        }
        attributeNames[i] = attributeName;
        valueFrom[i] = from;
        valueTo[i] = p - tok;
        valueFlags[i] = flags;
        attributeCount++;
        return p + 1;
    }

    /** Whether this tag's attribute names are, in order, those last checked for {@code element}. */
    private boolean sameAsKnown(Name element) {
        Name[] known = element.knownAttributes;
        if (known.length != attributeCount) {
            return false;
        }
        for (int i = 0; i < attributeCount; i++) {
            if (known[i] != attributeNames[i]) {
                return false;
            }
        }
        return true;
    }

    private void checkDuplicatesAndBind() {
        for (int i = 1; i < attributeCount; i++) {
            for (int j = 0; j < i; j++) {
                Name a = attributeNames[i];
                Name b = attributeNames[j];
                if (a == b || a.hash == b.hash && a.text.equals(b.text)) {
                    throw malformed("attribute '" + attributeNames[i].text + "' appears twice in one element");
                }
            }
        }
        for (int i = 0; i < attributeCount; i++) {
            Name n = attributeNames[i];
            boolean declaresDefault = n.text.equals("xmlns");
            if (declaresDefault || "xmlns".equals(n.prefix)) {
                String prefix = declaresDefault ? "" : n.local;
                String uri = value(i);
                String problem = XmlNamespaces.bindingProblem(prefix, uri);
                if (problem != null) {
                    throw malformed(problem);
                }
                bindings.add(new Binding(prefix, uri, depth));
            }
        }
        for (int i = 0; i < attributeCount; i++) {
            Name n = attributeNames[i];
            if (n.prefix != null && !"xmlns".equals(n.prefix)) {
                String uri = uri(n, "attribute");
                // two prefixes bound to one namespace make two spellings of one attribute
                for (int j = 0; j < i; j++) {
                    Name m = attributeNames[j];
                    if (m.prefix != null && !"xmlns".equals(m.prefix) && m.local.equals(n.local) && uri(m, "attribute").equals(uri)) {
                        throw malformed("attributes '" + m.text + "' and '" + n.text + "' are the same attribute");
                    }
                }
            }
        }
    }

    private String qualified(Name element) {
        if (bindings.isEmpty() && element.prefix == null) {
            return element.text;
        }
        String uri = uri(element, "element");
        return uri.isEmpty() ? element.local : "{" + uri + "}" + element.local;
    }

    private String uri(Name n, String what) {
        String prefix = n.prefix == null ? "" : n.prefix;
        if (prefix.equals("xml")) {
            return XmlNamespaces.XML;
        }
        for (int i = bindings.size() - 1; i >= 0; i--) {
            if (bindings.get(i).prefix.equals(prefix)) {
                return bindings.get(i).uri;
            }
        }
        if (!prefix.isEmpty()) {
            throw malformed("the prefix '" + prefix + "' of " + what + " '" + n.text + "' is not bound to a namespace");
        }
        return "";
    }

    private int endTag(int p) throws IOException {
        if (depth > 0) {
            Name expected = open[depth - 1];
            int after = p + expected.bytes.length;
            if (matchesAt(expected, p) && buf[after] == '>') {
                tokenEnd = after + 1;
                return endElement();
            }
        }
        int nameFrom = p - tok;
        p = scanName(p, "element");
        int nameTo = p - tok;
        p = skipSpace(p);
        if ((p == limit && (p = more(p)) < 0) || buf[p] != '>') {
            throw malformed("the end tag of an element must end with '>'");
        }
        if (depth == 0) {
            throw malformed("an end tag without a start tag");
        }
        Name expected = open[depth - 1];
        if (!Arrays.equals(buf, tok + nameFrom, tok + nameTo, expected.bytes, 0, expected.bytes.length)) {
            throw malformed("the element type \"" + expected.text + "\" must be terminated by the matching end-tag \"</"
                    + expected.text + ">\"");
        }
        tokenEnd = p + 1;
        return endElement();
    }

    private int endElement() {
        depth--;
        name = openNames[depth];
        open[depth] = null;
        while (!bindings.isEmpty() && bindings.get(bindings.size() - 1).depth > depth) {
            bindings.remove(bindings.size() - 1);
        }
        return END_ELEMENT;
    }

    // ---------------------------------------------------------------- text, comments, CDATA, PIs

    /** A run of character data; true when it is an event (inside the root), false when skipped. */
    private boolean scanText(int p) throws IOException {
        textFrom = p - tok;
        int flags = 0;
        long chars = 0;
        long max = limits.maxTextLength();
        while (true) {
            if (p == limit) {
                int q = more(p);
                if (q < 0) {
                    p = limit;
                    break;
                }
                p = q;
            }
            int run = p;
            int end = (int) Math.min(limit, p + (max - chars) + 1);
            // the indentation between tags: spaces and line feeds, eight at a time
            while (p + 8 <= end) {
                long word = (long) LONGS.get(buf, p);
                long blank = matches(word, 0x2020202020202020L) | matches(word, 0x0A0A0A0A0A0A0A0AL);
                if (blank != HIGH_BITS) {
                    p += Long.numberOfTrailingZeros(~blank & HIGH_BITS) >>> 3;
                    break;
                }
                p += 8;
            }
            chars += p - run;
            if (chars > max) {
                eventAt = p - 1;
                throw tooLong("text", max);
            }
            if (p == end) {
                // the run reached the end of the bytes read: the text goes on after the next read
                continue;
            }
            run = p;
            while (p < end && PLAIN_TEXT[buf[p] & 0xFF]) {
                p++;
            }
            if (p > run) {
                // white space only unless a byte of the run is above the space
                for (int i = run; i < p && (flags & NOT_SPACE) == 0; i++) {
                    if (buf[i] > ' ') {
                        flags |= NOT_SPACE;
                    }
                }
                chars += p - run;
                if (chars > max) {
                    eventAt = p - 1;
                    throw tooLong("text", max);
                }
                continue;
            }
            int c = buf[p];
            if (c == '<') {
                break;
            }
            if (c > 0x20) {
                flags |= NOT_SPACE;
                if (c == '&') {
                    int start = p - tok;  // reference() may move the buffer
                    p = reference(p);
                    chars += referenceLength;
                    flags |= REFERENCE;
                    if (chars > max) {
                        eventAt = tok + start;
                        throw tooLong("text", max);
                    }
                    continue;
                }
                if (c == '>' && p - tok - textFrom >= 2 && buf[p - 1] == ']' && buf[p - 2] == ']') {
                    throw malformed("']]>' is not allowed in text");
                }
                p++;
            } else if (c < 0) {
                p = utf8(p);
                chars += utf8Length;
                flags |= NON_ASCII | NOT_SPACE;
                if (chars > max) {
                    throw tooLong("text", max);
                }
                continue;
            } else if (c == ' ' || c == '\n' || c == '\t') {
                p++;
            } else if (c == '\r') {
                flags |= CONTROL;
                p++;
            } else {
                throw invalidCharacter(p, c);
            }
            if (++chars > max) {
                eventAt = p - 1;
                throw tooLong("text", max);
            }
        }
        textTo = p - tok;
        tokenEnd = p;
        textFlags = flags;
        if (depth == 0) {
            if ((flags & NOT_SPACE) != 0) {
                throw malformed(rootSeen ? "text after the root element" : "text before the root element");
            }
            return false;
        }
        return true;
    }

    /** After {@code <!}: a comment (false) or CDATA (true); a DOCTYPE is refused. */
    private boolean bang(int p) throws IOException {
        // startsWith may move the buffer: positions are taken from tok (the '<') after it
        if (startsWith(p, "--")) {
            p = until(tok + 4, "--", "comment");
            if ((p = need(p, 1)) < 0 || buf[p] != '>') {
                throw malformed("'--' is not allowed inside a comment");
            }
            tokenEnd = p + 1;
            return false;
        }
        p = tok + 2;
        if (startsWith(p, "[CDATA[")) {
            p = tok + 2;
            if (depth == 0) {
                throw malformed("a CDATA section outside the root element");
            }
            int from = p + 7 - tok;
            p = until(p + 7, "]]>", "CDATA section");
            textFrom = from;
            textTo = p - 3 - tok;
            textFlags = cdataFlags(tok + textFrom, tok + textTo);
            tokenEnd = p;
            // the text is raw: no references, only line ends to normalise
            textFlags &= ~REFERENCE;
            cdata = true;
            return true;
        }
        if (startsWith(tok + 2, "DOCTYPE")) {
            throw at("a DOCTYPE is not allowed in a CVAT file (DTDs and entities are refused)");
        }
        throw malformed("markup starting with '<!' that is not a comment or a CDATA section");
    }

    private int cdataFlags(int from, int to) {
        int flags = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\r') {
                flags |= CONTROL;
            } else if (buf[i] < 0) {
                flags |= NON_ASCII;
            }
        }
        return flags;
    }

    /** After {@code <?}: the XML declaration at the very start, or a processing instruction, skipped. */
    private void processingInstruction(int p) throws IOException {
        int targetFrom = p - tok;
        p = scanName(p, "processing instruction");
        String target = new String(buf, tok + targetFrom, p - tok - targetFrom, StandardCharsets.UTF_8);
        boolean declaration = target.equalsIgnoreCase("xml");
        if (declaration && (!target.equals("xml") || tok != 0 || discarded > 0 || rootSeen)) {
            throw malformed("'<?" + target + "' is only allowed as the XML declaration at the very start of the file");
        }
        int bodyFrom = p - tok;
        p = until(p, "?>", "processing instruction");
        if (p - 2 - tok > bodyFrom) {
            byte first = buf[tok + bodyFrom];
            if (first != ' ' && first != '\t' && first != '\r' && first != '\n') {
                throw malformed("the target of a processing instruction must be followed by white space or '?>'");
            }
        }
        if (declaration) {
            String body = new String(buf, tok + bodyFrom, p - 2 - tok - bodyFrom, StandardCharsets.UTF_8);
            if (!DECLARATION.matcher(body).matches()) {
                throw malformed("the XML declaration must be <?xml version=\"1.0\" encoding=\"...\" standalone=\"...\"?>,"
                        + " the last two optional");
            }
        }
        tokenEnd = p;
    }

    /** Scans to just after {@code end}, checking characters and the length limit; returns that position. */
    private int until(int p, String end, String what) throws IOException {
        long chars = 0;
        long max = limits.maxTextLength();
        byte first = (byte) end.charAt(0);
        while (true) {
            if (p == limit && (p = more(p)) < 0) {
                throw malformed("the file ends inside a " + what);
            }
            int c = buf[p];
            if (c == first) {
                int q = need(p, end.length());
                if (q >= 0 && startsWith(q, end)) {
                    return q + end.length();
                }
                p = q < 0 ? p : q;
                if (q < 0) {
                    throw malformed("the file ends inside a " + what);
                }
            }
            if (c < 0) {
                p = utf8(p);
                chars += utf8Length;
            } else {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw invalidCharacter(p, c);
                }
                p++;
                chars++;
            }
            if (chars > max) {
                throw tooLong(what, max);
            }
        }
    }

    // ---------------------------------------------------------------- lexical pieces

    private int scanName(int p, String what) throws IOException {
        if (p == limit && (p = more(p)) < 0) {
            throw malformed("the file ends inside markup");
        }
        int c = buf[p];
        if (c >= 0 && !NAME_START[c]) {
            throw malformed("a " + what + " name cannot start with '" + (char) c + "'");
        }
        boolean first = true;
        while (true) {
            while (p < limit && (c = buf[p]) >= 0 && NAME_PART[c]) {
                p++;
                first = false;
            }
            if (p == limit) {
                if ((p = more(p)) < 0) {
                    return limit;
                }
            } else if (c < 0) {
                int at = p - tok;  // utf8() may move the buffer
                p = utf8(p);
                // beyond ASCII, the name characters of the XML 1.0 tables Aalto (the reader this
                // scanner is tested against, and the library reader) uses
                if (first ? !XmlChars.is10NameStartChar(utf8CodePoint) : !XmlChars.is10NameChar(utf8CodePoint)) {
                    eventAt = tok + at;
                    throw malformed("U+" + String.format("%04X", utf8CodePoint) + " cannot " + (first ? "start" : "be part of")
                            + " a " + what + " name");
                }
                first = false;
            } else {
                return p;
            }
        }
    }

    private int skipSpace(int p) throws IOException {
        while (true) {
            if (p == limit && (p = more(p)) < 0) {
                return limit;
            }
            byte c = buf[p];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return p;
            }
            p++;
        }
    }

    /** Checks the reference at {@code p} ({@code &...;}) and returns the position after it; sets {@link #referenceLength}. */
    private int reference(int p) throws IOException {
        int from = p - tok;
        int q = p + 1;
        while (true) {
            if (q == limit && (q = more(q)) < 0) {
                throw malformed("the file ends inside a reference");
            }
            int c = buf[q];
            if (c == ';') {
                break;
            }
            if (c < 0 || !NAME_PART[c] && c != '#' || q - tok - from > 64) {
                eventAt = tok + from;
                throw malformed("'&' must start a reference (&lt; &gt; &amp; &apos; &quot; or &#...;); write a literal '&' as &amp;");
            }
            q++;
        }
        int cp = referenced(tok + from + 1, q);
        referenceLength = Character.charCount(cp);
        return q + 1;
    }

    /** The code point of the reference whose body is {@code buf[from, to)} ({@code lt}, {@code #x41}, ...). */
    private int referenced(int from, int to) {
        String body = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        switch (body) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "apos":
                return '\'';
            case "quot":
                return '"';
            default:
                break;
        }
        if (body.startsWith("#")) {
            boolean hex = body.startsWith("#x");
            String digits = body.substring(hex ? 2 : 1);
            int cp = digits.isEmpty() || digits.length() > 8 ? -1 : 0;
            for (int i = 0; i < digits.length() && cp >= 0; i++) {
                int d = Character.digit(digits.charAt(i), hex ? 16 : 10);
                cp = d < 0 ? -1 : cp * (hex ? 16 : 10) + d;
            }
            if (isXmlChar(cp)) {
                return cp;
            }
            throw malformed("'&" + body + ";' is not a valid character reference");
        }
        if (body.isEmpty()) {
            throw malformed("'&;' is not a reference");
        }
        throw malformed("the entity '" + body + "' was referenced, but not declared (entities are not allowed in a CVAT file)");
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /** Checks the UTF-8 sequence at {@code p} (a byte ≥ 0x80) and returns the position after it. */
    private int utf8(int p) throws IOException {
        int b0 = buf[p] & 0xFF;
        int n;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            throw invalidUtf8(p);
        }
        int q = need(p, n);
        if (q < 0) {
            throw invalidUtf8(p);
        }
        p = q;
        int cp = b0 & (0xFF >> (n + 1));
        for (int i = 1; i < n; i++) {
            int b = buf[p + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw invalidUtf8(p);
            }
            cp = cp << 6 | b & 0x3F;
        }
        if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFFFE || cp == 0xFFFF) {
            throw invalidUtf8(p);
        }
        utf8Length = n == 4 ? 2 : 1;
        utf8CodePoint = cp;
        return p + n;
    }

    private boolean startsWith(int p, String s) throws IOException {
        int q = need(p, s.length());
        if (q < 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[q + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- names

    /** The name in {@code buf[from, to)}, from the cache when it was seen before. */
    private Name name(int from, int to) {
        // a cheap hash (length and three bytes), then up to four slots: the bytes are compared anyway
        int length = to - from;
        int h = length * 961 + buf[from] * 31 + buf[to - 1] * 7 + buf[from + (length >> 1)];
        int mask = nameCache.length - 1;
        int free = -1;
        for (int probe = 0; probe < 4; probe++) {
            int slot = (h + probe) & mask;
            Name cached = nameCache[slot];
            if (cached == null) {
                free = free < 0 ? slot : free;
            } else if (cached.hash == h && sameBytes(cached.bytes, from, to)) {
                return cached;
            }
        }
        byte[] bytes = Arrays.copyOfRange(buf, from, to);
        String text = new String(bytes, StandardCharsets.UTF_8).intern();
        int colon = text.indexOf(':');
        String prefix = null;
        String local = text;
        if (!XmlNamespaces.isQualifiedName(text)) {
            throw malformed("'" + text + "' is not a valid qualified name");
        }
        if (colon > 0) {
            prefix = text.substring(0, colon).intern();
            local = text.substring(colon + 1).intern();
        }
        Name n = new Name(bytes, h, text, prefix, local, text.equals("xmlns") || "xmlns".equals(prefix));
        nameCache[free >= 0 ? free : h & mask] = n;
        return n;
    }

    private int nameEnd;  // where the name nameAt() just read ends

    /**
     * The name at {@code p}: {@code guess} when the bytes there are its name (checked, not
     * scanned), else the name scanned and looked up. Sets {@link #nameEnd}.
     */
    private Name nameAt(int p, Name guess, String what) throws IOException {
        if (guess != null && matchesAt(guess, p)) {
            nameEnd = p + guess.bytes.length;
            return guess;
        }
        int nameFrom = p - tok;
        nameEnd = scanName(p, what);
        return name(tok + nameFrom, nameEnd);
    }

    /**
     * Whether the name at {@code p} is {@code n}: its bytes, then a byte that cannot continue a
     * name. False, never an error, when the bytes are not all in the buffer yet (the caller then
     * reads the name the slow way).
     */
    private boolean matchesAt(Name n, int p) {
        int length = n.bytes.length;
        if (p + length >= limit || !wordsMatch(n, p)) {
            return false;
        }
        int after = buf[p + length];
        return after >= 0 && !NAME_PART[after];
    }

    /** Whether the bytes at {@code p} are {@code n}'s (false when its last word would pass the buffer's end). */
    private boolean wordsMatch(Name n, int p) {
        byte[] b = buf;
        long[] words = n.words;
        int last = words.length - 1;
        if (p + (words.length << 3) > b.length) {
            return false;
        }
        for (int i = 0; i < last; i++) {
            if ((long) LONGS.get(b, p + (i << 3)) != words[i]) {
                return false;
            }
        }
        return ((long) LONGS.get(b, p + (last << 3)) & n.lastMask) == words[last];
    }

    private boolean sameBytes(byte[] name, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- accessors

    @Override
    public String name() {
        return name;
    }

    @Override
    public int attributeIndex(String localName) {
        for (int i = 0; i < attributeCount; i++) {
            Name n = attributeNames[i];
            if (n.local == localName && !n.declaresNamespace) {
                return i;
            }
        }
        for (int i = 0; i < attributeCount; i++) {
            Name n = attributeNames[i];
            if (n.local.equals(localName) && !n.declaresNamespace) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String attributeValue(int index) {
        Leaf leaf = attributesOf;
        if (leaf != null) {
            String v = leaf.values[index];
            return v != null ? v : (leaf.values[index] = value(index));
        }
        return value(index);
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

    private String value(int i) {
        int from = tok + valueFrom[i];
        int to = tok + valueTo[i];
        int flags = valueFlags[i];
        if (flags == 0) {
            return to - from <= SHORT_VALUE ? shortValue(from, to) : new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (flags == NON_ASCII) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(to - from);
        decode(from, to, true, out);
        return out.toString();
    }

    private static final int SHORT_VALUE = 16;
    private static final String[] ONE_CHARACTER = new String[128];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHARACTER[c] = String.valueOf((char) c).intern();
        }
    }

    // short values seen before, by a hash of their (up to sixteen) bytes read as two words
    private static final int VALUE_SLOTS = 2048;
    private final String[] valueCache = new String[VALUE_SLOTS];
    private final long[] valueWord0 = new long[VALUE_SLOTS];
    private final long[] valueWord1 = new long[VALUE_SLOTS];

    /**
     * A short ASCII value, the same String as last time when it repeats: the same few names,
     * flags and labels come back millions of times, and a String seen before also has its hash.
     * The bytes are read and compared as two words, not one by one.
     */
    private String shortValue(int from, int to) {
        int length = to - from;
        if (length == 1) {
            return ONE_CHARACTER[buf[from]];  // ASCII: the caller checked
        }
        if (from + 16 > buf.length) {
            return new String(buf, from, length, StandardCharsets.ISO_8859_1);
        }
        long word0 = (long) LONGS.get(buf, from);
        long word1 = 0;
        if (length <= 8) {
            word0 &= length == 8 ? -1L : (1L << (length << 3)) - 1;
        } else {
            word1 = (long) LONGS.get(buf, from + 8);
            word1 &= length == 16 ? -1L : (1L << ((length - 8) << 3)) - 1;
        }
        // the length is in the words: a shorter value has zero bytes where a longer has none (values are ASCII ≥ 0x20)
        long mixed = (word0 * 0x9E3779B97F4A7C15L) ^ (word1 * 0xC2B2AE3D27D4EB4FL);
        int slot = (int) (mixed >>> 53) & (VALUE_SLOTS - 1);
        String cached = valueCache[slot];
        if (cached != null && valueWord0[slot] == word0 && valueWord1[slot] == word1) {
            return cached;
        }
        String value = new String(buf, from, length, StandardCharsets.ISO_8859_1);
        valueCache[slot] = value;
        valueWord0[slot] = word0;
        valueWord1[slot] = word1;
        return value;
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

    private void decode(int from, int to, boolean attribute, StringBuilder out) {
        decode(from, to, attribute, out, true);
    }

    /** Decodes checked bytes: UTF-8, references (when {@code references}), line ends and, in attribute values, white space. */
    private void decode(int from, int to, boolean attribute, StringBuilder out, boolean references) {
        int p = from;
        while (p < to) {
            int c = buf[p];
            if (c >= 0) {
                if (c == '&' && references) {
                    int semi = p + 1;
                    while (buf[semi] != ';') {
                        semi++;
                    }
                    out.appendCodePoint(referenced(p + 1, semi));
                    p = semi + 1;
                    continue;
                }
                if (c == '\r') {
                    if (p + 1 < to && buf[p + 1] == '\n') {
                        p++;
                    }
                    c = '\n';
                }
                if (attribute && (c == '\n' || c == '\t')) {
                    c = ' ';
                }
                out.append((char) c);
                p++;
            } else {
                int b0 = c & 0xFF;
                int n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
                int cp = b0 & (0xFF >> (n + 1));
                for (int i = 1; i < n; i++) {
                    cp = cp << 6 | buf[p + i] & 0x3F;
                }
                out.appendCodePoint(cp);
                p += n;
            }
        }
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public long line() {
        locate(discarded + Math.min(eventAt, limit));
        return locatedLine;
    }

    @Override
    public long column() {
        locate(discarded + Math.min(eventAt, limit));
        return locatedColumn + 1;
    }

    /** Counts lines and the characters of the last one up to {@code position} (in the file after the mark). */
    private void locate(long position) {
        if (position < locatedAt) {
            locatedAt = 0;
            locatedLine = 1;
            locatedColumn = 0;
            locatedAfterCr = false;
        }
        if (position == locatedAt) {
            return;
        }
        if (position >= discarded) {
            // still in the buffer, and so is everything from locatedAt when that is too
            if (locatedAt >= discarded) {
                count(buf, (int) (locatedAt - discarded), (int) (position - discarded));
                return;
            }
        }
        try (InputStream again = java.nio.file.Files.newInputStream(path)) {
            again.skipNBytes(skipped + locatedAt);
            byte[] chunk = new byte[1 << 16];
            while (locatedAt < position) {
                int n = again.read(chunk, 0, (int) Math.min(chunk.length, position - locatedAt));
                if (n < 0) {
                    break;
                }
                count(chunk, 0, n);
            }
        } catch (IOException e) {
            locatedLine = -1;
            locatedColumn = -1;
        }
        locatedAt = position;
    }

    private void count(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (!locatedAfterCr) {
                    locatedLine++;
                }
                locatedColumn = 0;
            } else if (b == '\r') {
                locatedLine++;
                locatedColumn = 0;
            } else if ((b & 0xC0) != 0x80) {
                locatedColumn++;
            }
            locatedAfterCr = b == '\r';
        }
        locatedAt += to - from;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written, so nothing is lost
        }
    }

    // ---------------------------------------------------------------- the buffer

    /**
     * Makes the byte at {@code p} (== limit) available: discards what is before the current token,
     * grows the buffer if the token fills it, reads. Returns the byte's new position, -1 at the end.
     */
    private int more(int p) throws IOException {
        if (eof) {
            return -1;
        }
        if (tok > 0) {
            discarded += tok;
            System.arraycopy(buf, tok, buf, 0, limit - tok);
            limit -= tok;
            p -= tok;
            eventAt -= tok;
            tokenEnd -= tok;
            tok = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= maxBuffer) {
                throw at("markup or text longer than " + maxBuffer + " bytes (limit of the CVAT reader)");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(maxBuffer, 2L * buf.length));
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return -1;
        }
        limit += n;
        return p;
    }

    /** Ensures {@code n} bytes from {@code p}; returns p's (maybe new) position, or -1 if the file ends first. */
    private int need(int p, int n) throws IOException {
        while (limit - p < n) {
            int before = limit;
            int q = more(limit);
            if (q < 0) {
                return -1;
            }
            p -= before - q;
        }
        return p;
    }

    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The high bit set in the first byte of {@code word} that {@link #PLAIN_VALUE} refuses (a quote,
     * '<', '&', a control or non-ASCII byte) and maybe in later bytes; zero when all eight are plain.
     */
    private static long notPlainValue(long word) {
        return matches(word, 0x2222222222222222L) | matches(word, 0x2727272727272727L)
                | matches(word, 0x3C3C3C3C3C3C3C3CL) | matches(word, 0x2626262626262626L)
                // below 0x20 (a borrow only reaches bytes after such a byte) or at/above 0x80
                | ((word - 0x2020202020202020L) | word) & HIGH_BITS;
    }

    /** High bit set in each byte of {@code word} that equals the byte repeated in {@code pattern}. */
    private static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
    }

    // ---------------------------------------------------------------- errors

    private DatasetException malformed(String problem) {
        return at("malformed XML: " + problem);
    }

    private DatasetException tooLong(String what, long max) {
        return at(what + " longer than " + max + " characters (limit of the CVAT reader)");
    }

    private DatasetException invalidCharacter(int p, int c) {
        eventAt = p;
        return malformed(String.format("the character U+%04X is not allowed in XML", c));
    }

    private DatasetException invalidUtf8(int p) {
        eventAt = p;
        return at("bytes that are not valid UTF-8");
    }
}
