package io.datum.cvat.internal.write;

import static io.datum.cvat.internal.CvatNames.ATTRIBUTE;
import static io.datum.cvat.internal.CvatNames.NAME;

import io.datum.collections.RecentDoubles;
import io.datum.cvat.internal.CvatNames;
import io.datum.text.PythonNumbers;
import java.util.function.DoubleFunction;

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
    /**
     * The lines of the last few reals: scores come as runs of one value or alternate between a
     * few (Google's verified labels: 0.0 and 1.0), and making a line was most of what the writer
     * allocated.
     */
    private final RecentDoubles<byte[]> realLines = new RecentDoubles<>(4);
    private final DoubleFunction<byte[]> realLine = v -> line(PythonNumbers.repr(v));

    /** Checked and escaped when first written (a name only skipped is never checked, as before). */
    byte[] startTag() {
        if (startTag == null) {
            startTag = XmlOut.startTagBytes(ATTRIBUTE, NAME, name);
        }
        return startTag;
    }

    /**
     * The whole {@code <attribute name="...">value</attribute>} of a boolean or a real, made
     * once per value (booleans) or kept for the last few values (reals: scores are mostly 1.0):
     * the same few lines come millions of times. Null for other values.
     */
    byte[] lineOf(Object value) {
        if (value instanceof Boolean b) {
            if (b) {
                return trueLine != null ? trueLine : (trueLine = line("true"));
            }
            return falseLine != null ? falseLine : (falseLine = line("false"));
        }
        if (value instanceof Double d) {
            return realLines.get(d, realLine);
        }
        return null;
    }

    private byte[] line(String text) {
        return XmlOut.leafBytes(startTag(), ATTRIBUTE, text);
    }
}
