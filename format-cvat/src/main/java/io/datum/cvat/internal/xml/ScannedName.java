package io.datum.cvat.internal.xml;

/**
 * An element or attribute name as read: its bytes, its text (interned, so that lookups by a
 * constant are an identity check), its prefix and local part.
 */
final class ScannedName {
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
    ScannedName lastChild;
    ScannedName[] knownAttributes = new ScannedName[0];
    boolean knownAttributesPlain = true;  // no attributes: nothing to bind
    /** This element's leaves seen before, by a hash of their first bytes after the name; null until one is seen. */
    ScannedLeaf[] leaves;
    /** Start tags looked at for a leaf while none was found: an element with children stops being looked at. */
    int leafLooks;
    /** Start tags found among the leaves, and not: an element mostly not met again (an empty image) stops being looked up. */
    int leafHits;
    int leafMisses;

    ScannedName(byte[] bytes, int hash, String text, String prefix, String local, boolean declaresNamespace) {
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

