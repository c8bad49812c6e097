package io.datum.cvat.internal.xml;

import static io.datum.cvat.internal.xml.XmlBytes.CONTROL;
import static io.datum.cvat.internal.xml.XmlBytes.LONGS;
import static io.datum.cvat.internal.xml.XmlBytes.NON_ASCII;
import static io.datum.cvat.internal.xml.XmlBytes.NOT_SPACE;
import static io.datum.cvat.internal.xml.XmlBytes.PLAIN_TEXT;
import static io.datum.cvat.internal.xml.XmlBytes.PLAIN_VALUE;
import static io.datum.cvat.internal.xml.XmlBytes.REFERENCE;
import static io.datum.cvat.internal.xml.XmlBytes.notPlainValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Start and end tags for {@link Utf8XmlScanner}: names guessed from the last tag and checked, attributes
 * scanned a word at a time, namespace bindings, and the leaves (whole text-only elements) replayed when
 * the same bytes come again.
 */
abstract class XmlTagScanner extends XmlTextScanner {
    static final int MAX_ATTRIBUTES = 1 << 16;
    static final int LEAF_SLOTS = 64;  // 32 hashes of 2
    /** Leaves are lines, not documents: longer ones are read the usual way. */
    static final int MAX_LEAF = 160;
    /** The first bytes after an element's name that pick a leaf's slot: they must be there to look one up. */
    static final int LEAF_KEY = 24;
    static final int LEAF_LOOKS = 64;

    record Binding(String prefix, String uri, int depth) {
    }

    boolean pendingEnd;
    ScannedName[] open = new ScannedName[16];
    String[] openNames = new String[16];
    final List<Binding> bindings = new ArrayList<>();
    // current event
    String name;
    int attributeCount;
    ScannedName[] attributeNames = new ScannedName[16];
    int[] valueFrom = new int[16];   // offsets from tok
    int[] valueTo = new int[16];
    int[] valueFlags = new int[16];
    ScannedLeaf replaying;                  // a leaf whose text and end events come next, else null
    int replayAt;                    // where its start tag's '<' is
    boolean replayedText;            // its text event has been given
    ScannedLeaf textOf;                     // the leaf whose text is the current event, else null
    ScannedLeaf attributesOf;               // the leaf whose start tag is the current event, else null

    XmlTagScanner(InputStream in, Path path, int skipped, String file, XmlLimits limits, int bufferSize) {
        super(in, path, skipped, file, limits, bufferSize);
    }

    final int startTag(int p) throws IOException {
        if (depth == 0 && rootSeen) {
            throw malformed("markup after the root element");
        }
        ScannedName parent = depth > 0 ? open[depth - 1] : null;
        ScannedName element = nameAt(p, parent != null ? parent.lastChild : null, "element");
        p = nameEnd;
        if (parent != null && parent.lastChild != element) {
            parent.lastChild = element;  // only on a miss: a store per tag would cost a GC card mark
        }
        int afterName = p - tok;  // reading the attributes may move the buffer
        ScannedLeaf leaf = element.leaves != null ? leafAt(element, p) : null;
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
    final ScannedLeaf leafAt(ScannedName element, int p) {
        if (p + LEAF_KEY > limit || !bindings.isEmpty()) {
            return null;
        }
        int slot = leafSlot(p);
        ScannedLeaf[] leaves = element.leaves;
        return isLeafAt(leaves[slot], p) ? leaves[slot] : isLeafAt(leaves[slot + 1], p) ? leaves[slot + 1] : null;
    }

    final boolean isLeafAt(ScannedLeaf leaf, int p) {
        if (leaf == null) {
            return false;
        }
        int length = leaf.bytes.length;
        return p + length <= limit && Arrays.equals(buf, p, p + length, leaf.bytes, 0, length);
    }

    final int leafSlot(int p) {
        long mixed = (long) LONGS.get(buf, p) * 0x9E3779B97F4A7C15L ^ (long) LONGS.get(buf, p + 8) * 0xC2B2AE3D27D4EB4FL
                ^ (long) LONGS.get(buf, p + 16) * 0x165667B19E3779F9L;
        return (int) (mixed >>> 59) << 1;  // two slots a hash: the first of them
    }

    /**
     * After a start tag read the usual way (its '>' just before {@code tagEnd}): when what follows
     * in the buffer is plain text and this element's end tag, remembers the whole as a leaf. The
     * text is checked here as {@link #scanText} would: ASCII without markup, references or CR.
     */
    final void rememberLeaf(ScannedName element, int afterName, int tagEnd) {
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
        ScannedLeaf leaf = new ScannedLeaf(Arrays.copyOfRange(buf, afterName, end), Arrays.copyOf(attributeNames, count),
                Arrays.copyOf(valueFrom, count), Arrays.copyOf(valueTo, count), Arrays.copyOf(valueFlags, count),
                tagEnd - tok, q - tok, flags, end - tok);
        if (element.leaves == null) {
            element.leaves = new ScannedLeaf[LEAF_SLOTS];
        }
        ScannedLeaf[] leaves = element.leaves;
        int slot = leafSlot(afterName);
        if (leaves[slot] != null) {
            leaves[slot + 1] = leaves[slot];  // the older of the two goes when both are taken
        }
        leaves[slot] = leaf;
    }

    /** The next event of the leaf being replayed: its text, if any, then its end. */
    final int replay() {
        ScannedLeaf leaf = replaying;
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

    final int attribute(int p, ScannedName element) throws IOException {
        ScannedName[] known = element.knownAttributes;
        ScannedName guess = attributeCount < known.length ? known[attributeCount] : null;
        ScannedName attributeName;
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
                throw tooLongAt(p - 1, "attribute value", max);
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
                    p = referenceWithin(p, chars, max, "attribute value");
                    chars += referenceLength;
                    flags |= REFERENCE;
                    continue;
                }
                p++;
            } else if (c < 0) {
                p = utf8Within(p, chars, max, "attribute value");
                chars += utf8Length;
                flags |= NON_ASCII;
                continue;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                flags |= CONTROL;
                p++;
            } else {
                throw invalidCharacter(p, c);
            }
            if (++chars > max) {
                throw tooLongAt(p - 1, "attribute value", max);
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
    final boolean sameAsKnown(ScannedName element) {
        ScannedName[] known = element.knownAttributes;
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

    final void checkDuplicatesAndBind() {
        for (int i = 1; i < attributeCount; i++) {
            for (int j = 0; j < i; j++) {
                ScannedName a = attributeNames[i];
                ScannedName b = attributeNames[j];
                if (a == b || a.hash == b.hash && a.text.equals(b.text)) {
                    throw malformed("attribute '" + attributeNames[i].text + "' appears twice in one element");
                }
            }
        }
        for (int i = 0; i < attributeCount; i++) {
            ScannedName n = attributeNames[i];
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
            ScannedName n = attributeNames[i];
            if (n.prefix != null && !"xmlns".equals(n.prefix)) {
                String uri = uri(n, "attribute");
                // two prefixes bound to one namespace make two spellings of one attribute
                for (int j = 0; j < i; j++) {
                    ScannedName m = attributeNames[j];
                    if (m.prefix != null && !"xmlns".equals(m.prefix) && m.local.equals(n.local) && uri(m, "attribute").equals(uri)) {
                        throw malformed("attributes '" + m.text + "' and '" + n.text + "' are the same attribute");
                    }
                }
            }
        }
    }

    final String qualified(ScannedName element) {
        if (bindings.isEmpty() && element.prefix == null) {
            return element.text;
        }
        String uri = uri(element, "element");
        return uri.isEmpty() ? element.local : "{" + uri + "}" + element.local;
    }

    final String uri(ScannedName n, String what) {
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

    final int endTag(int p) throws IOException {
        if (depth > 0) {
            ScannedName expected = open[depth - 1];
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
        ScannedName expected = open[depth - 1];
        if (!Arrays.equals(buf, tok + nameFrom, tok + nameTo, expected.bytes, 0, expected.bytes.length)) {
            throw malformed("the element type \"" + expected.text + "\" must be terminated by the matching end-tag \"</"
                    + expected.text + ">\"");
        }
        tokenEnd = p + 1;
        return endElement();
    }

    final int endElement() {
        depth--;
        name = openNames[depth];
        open[depth] = null;
        while (!bindings.isEmpty() && bindings.get(bindings.size() - 1).depth > depth) {
            bindings.remove(bindings.size() - 1);
        }
        return END_ELEMENT;
    }

    final String value(int i) {
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
}
