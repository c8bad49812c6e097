package io.datum.cvat.internal.xml;

/**
 * A whole text-only element as read once ({@code <attribute name="score">1.0</attribute>}):
 * the bytes after its name up to the end of its end tag, and what reading them gave, as
 * offsets from the start tag's {@code <}. The same bytes read again give the same events, so
 * a leaf met again is checked by comparing bytes and its three events replayed: CVAT files
 * repeat a few dozen such lines millions of times, and they are most of a file's events.
 */
final class ScannedLeaf {
    final byte[] bytes;
    final ScannedName[] attributes;
    final int[] from;
    final int[] to;
    final int[] flags;
    final int tagEnd;    // after the start tag's '>'
    final int textTo;    // the end of the text: the end tag's '<'
    final int textFlags;
    final int end;       // after the end tag's '>'
    String text;         // the text as a String, once asked for
    final String[] values;  // the attribute values as Strings, each once asked for

    ScannedLeaf(byte[] bytes, ScannedName[] attributes, int[] from, int[] to, int[] flags, int tagEnd, int textTo, int textFlags,
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

