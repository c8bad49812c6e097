package io.datum.cvat.internal.write;

import static io.datum.cvat.internal.CvatNames.ATTRIBUTE;
import static io.datum.cvat.internal.CvatNames.NAME;

import io.datum.cvat.internal.CvatNames;
import io.datum.text.PythonNumbers;

/** What the writer knows of an attribute name: whether CVAT writes it itself, and its {@code <attribute name="...">}. */
final class AttributeName {
    final String name;
    final boolean builtin;
    private byte[] startTag;

    AttributeName(String name) {
        this.name = name;
        this.builtin = CvatNames.BUILTIN_ATTRIBUTES.contains(name);
    }

    private byte[] trueLine;
    private byte[] falseLine;
    private long lastReal;
    private byte[] lastRealLine;

    /** Checked and escaped when first written (a name only skipped is never checked, as before). */
    byte[] startTag() {
        if (startTag == null) {
            startTag = XmlOut.startTagBytes(ATTRIBUTE, NAME, name);
        }
        return startTag;
    }

    /**
     * The whole {@code <attribute name="...">value</attribute>} of a boolean or a real, made
     * once per value (booleans) or per run of one value (reals: scores are mostly 1.0): the
     * same few lines come millions of times. Null for other values.
     */
    byte[] lineOf(Object value) {
        if (value instanceof Boolean b) {
            if (b) {
                return trueLine != null ? trueLine : (trueLine = line("true"));
            }
            return falseLine != null ? falseLine : (falseLine = line("false"));
        }
        if (value instanceof Double d) {
            long bits = Double.doubleToRawLongBits(d);
            if (lastRealLine == null || bits != lastReal) {
                lastReal = bits;
                lastRealLine = line(PythonNumbers.repr(d));
            }
            return lastRealLine;
        }
        return null;
    }

    private byte[] line(String text) {
        return XmlOut.leafBytes(startTag(), ATTRIBUTE, text);
    }
}
