package io.datum.cvat.internal.xml;

import static io.datum.cvat.internal.xml.XmlBytes.CONTROL;
import static io.datum.cvat.internal.xml.XmlBytes.HIGH_BITS;
import static io.datum.cvat.internal.xml.XmlBytes.LONGS;
import static io.datum.cvat.internal.xml.XmlBytes.NON_ASCII;
import static io.datum.cvat.internal.xml.XmlBytes.NOT_SPACE;
import static io.datum.cvat.internal.xml.XmlBytes.PLAIN_TEXT;
import static io.datum.cvat.internal.xml.XmlBytes.REFERENCE;
import static io.datum.cvat.internal.xml.XmlBytes.matches;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Character data, comments, CDATA sections and processing instructions (the XML declaration among
 * them) for {@link Utf8XmlScanner}, checked as they are passed; the text itself stays undecoded.
 */
abstract class XmlTextScanner extends XmlLexer {
    static final Pattern DECLARATION = Pattern.compile("[ \\t\\r\\n]+version[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"1\\.[0-9]+\"|'1\\.[0-9]+')"
            + "([ \\t\\r\\n]+encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"[A-Za-z][A-Za-z0-9._-]*\"|'[A-Za-z][A-Za-z0-9._-]*'))?"
            + "([ \\t\\r\\n]+standalone[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"(yes|no)\"|'(yes|no)'))?[ \\t\\r\\n]*");

    // document state
    int depth;
    boolean rootSeen;
    int textFrom;
    int textTo;
    int textFlags;
    boolean cdata;                   // the text is a CDATA section: no references in it

    XmlTextScanner(InputStream in, Path path, int skipped, String file, XmlLimits limits, int bufferSize) {
        super(in, path, skipped, file, limits, bufferSize);
    }

    /** A run of character data; true when it is an event (inside the root), false when skipped. */
    final boolean scanText(int p) throws IOException {
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
                throw tooLongAt(p - 1, "text", max);
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
                    throw tooLongAt(p - 1, "text", max);
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
                    p = referenceWithin(p, chars, max, "text");
                    chars += referenceLength;
                    flags |= REFERENCE;
                    continue;
                }
                if (c == '>' && p - tok - textFrom >= 2 && buf[p - 1] == ']' && buf[p - 2] == ']') {
                    throw malformed("']]>' is not allowed in text");
                }
                p++;
            } else if (c < 0) {
                p = utf8Within(p, chars, max, "text");
                chars += utf8Length;
                flags |= NON_ASCII | NOT_SPACE;
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
                throw tooLongAt(p - 1, "text", max);
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
    final boolean bang(int p) throws IOException {
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

    final int cdataFlags(int from, int to) {
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
    final void processingInstruction(int p) throws IOException {
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
}
