package io.datum.cvat.internal.xml;

import static io.datum.cvat.internal.xml.XmlBytes.LONGS;
import static io.datum.cvat.internal.xml.XmlBytes.NAME_PART;
import static io.datum.cvat.internal.xml.XmlBytes.NAME_START;
import static io.datum.cvat.internal.xml.XmlBytes.isXmlChar;

import com.fasterxml.aalto.util.XmlChars;
import io.datum.support.io.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lexical pieces of XML under {@link Utf8XmlScanner}: names (looked up in a cache by their bytes),
 * references, UTF-8 sequences, characters up to a terminator, and the decoding of checked bytes to text,
 * with a cache of short values that repeat.
 */
abstract class XmlLexer extends XmlInputBuffer {
    int referenceLength;  // characters of the reference reference() just read
    int utf8Length;       // characters of the sequence utf8() just read
    int utf8CodePoint;    // and the code point it encodes

    final ScannedName[] nameCache = new ScannedName[512];

    int nameEnd;  // where the name nameAt() just read ends

    static final int SHORT_VALUE = 16;
    static final String[] ONE_CHARACTER = new String[128];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHARACTER[c] = String.valueOf((char) c).intern();
        }
    }

    // short values seen before, by a hash of their (up to sixteen) bytes read as two words
    static final int VALUE_SLOTS = 2048;
    final String[] valueCache = new String[VALUE_SLOTS];
    final long[] valueWord0 = new long[VALUE_SLOTS];
    final long[] valueWord1 = new long[VALUE_SLOTS];

    XmlLexer(InputStream in, Path path, int skipped, String file, XmlLimits limits, int bufferSize) {
        super(in, path, skipped, file, limits, bufferSize);
    }

    /** Scans to just after {@code end}, checking characters and the length limit; returns that position. */
    final int until(int p, String end, String what) throws IOException {
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

    final int scanName(int p, String what) throws IOException {
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

    final int skipSpace(int p) throws IOException {
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
    final int reference(int p) throws IOException {
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

    /**
     * {@link #reference} for a value or text of {@code counted} characters so far, at most {@code max}:
     * one place for the check both scanning loops make after a reference, so that they report an
     * overlong {@code what} alike (at the reference's start). Kept out of the loops: references are rare.
     */
    final int referenceWithin(int p, long counted, long max, String what) throws IOException {
        int start = p - tok;  // reference() may move the buffer
        p = reference(p);
        if (counted + referenceLength > max) {
            throw tooLongAt(tok + start, what, max);
        }
        return p;
    }

    /** The code point of the reference whose body is {@code buf[from, to)} ({@code lt}, {@code #x41}, ...). */
    final int referenced(int from, int to) {
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

    /** Checks the UTF-8 sequence at {@code p} (a byte ≥ 0x80) and returns the position after it. */
    final int utf8(int p) throws IOException {
        int announced = Utf8.lengthAnnounced(buf[p]);
        int q = announced < 0 ? -1 : need(p, announced);
        if (q < 0) {
            throw invalidUtf8(p);
        }
        p = q;
        int n = Utf8.sequenceLength(buf, p, limit);
        if (n < 0) {
            throw invalidUtf8(p);
        }
        int cp = Utf8.codePoint(buf, p, n);
        // well-formed, but not characters: XML excludes them from its text
        if (cp == 0xFFFE || cp == 0xFFFF) {
            throw invalidUtf8(p);
        }
        utf8Length = Utf8.chars(n);
        utf8CodePoint = cp;
        return p + n;
    }

    /**
     * {@link #utf8} for a value or text of {@code counted} characters so far, at most {@code max}, as
     * {@link #referenceWithin} is for references (the error then points at the event, not the sequence).
     */
    final int utf8Within(int p, long counted, long max, String what) throws IOException {
        p = utf8(p);
        if (counted + utf8Length > max) {
            throw tooLong(what, max);
        }
        return p;
    }

    final boolean startsWith(int p, String s) throws IOException {
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

    /** The name in {@code buf[from, to)}, from the cache when it was seen before. */
    final ScannedName name(int from, int to) {
        // a cheap hash (length and three bytes), then up to four slots: the bytes are compared anyway
        int length = to - from;
        int h = length * 961 + buf[from] * 31 + buf[to - 1] * 7 + buf[from + (length >> 1)];
        int mask = nameCache.length - 1;
        int free = -1;
        for (int probe = 0; probe < 4; probe++) {
            int slot = (h + probe) & mask;
            ScannedName cached = nameCache[slot];
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
        ScannedName n = new ScannedName(bytes, h, text, prefix, local, text.equals("xmlns") || "xmlns".equals(prefix));
        nameCache[free >= 0 ? free : h & mask] = n;
        return n;
    }

    /**
     * The name at {@code p}: {@code guess} when the bytes there are its name (checked, not
     * scanned), else the name scanned and looked up. Sets {@link #nameEnd}.
     */
    final ScannedName nameAt(int p, ScannedName guess, String what) throws IOException {
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
    final boolean matchesAt(ScannedName n, int p) {
        int length = n.bytes.length;
        if (p + length >= limit || !wordsMatch(n, p)) {
            return false;
        }
        int after = buf[p + length];
        return after >= 0 && !NAME_PART[after];
    }

    /** Whether the bytes at {@code p} are {@code n}'s (false when its last word would pass the buffer's end). */
    final boolean wordsMatch(ScannedName n, int p) {
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

    final boolean sameBytes(byte[] name, int from, int to) {
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

    /**
     * A short ASCII value, the same String as last time when it repeats: the same few names,
     * flags and labels come back millions of times, and a String seen before also has its hash.
     * The bytes are read and compared as two words, not one by one.
     */
    final String shortValue(int from, int to) {
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

    final void decode(int from, int to, boolean attribute, StringBuilder out) {
        decode(from, to, attribute, out, true);
    }

    /** Decodes checked bytes: UTF-8, references (when {@code references}), line ends and, in attribute values, white space. */
    final void decode(int from, int to, boolean attribute, StringBuilder out, boolean references) {
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
                int n = Utf8.lengthAnnounced(buf[p]);
                out.appendCodePoint(Utf8.codePoint(buf, p, n));
                p += n;
            }
        }
    }
}
