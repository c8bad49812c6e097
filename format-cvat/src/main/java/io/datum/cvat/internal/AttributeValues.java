package io.datum.cvat.internal;

import io.datum.text.PythonNumbers;
import java.math.BigDecimal;

/**
 * Attribute values as Datumaro reads and writes them: the text of an {@code <attribute>} becomes a
 * boolean, a number or a string by its spelling and its declared input type; a value is written
 * back with Python's {@code str()}, and an integer attribute with Python's {@code str(int(value))}.
 */
public final class AttributeValues {
    private AttributeValues() {
    }

    /**
     * The value of {@code <attribute>text</attribute>}: {@code true}/{@code false} are booleans
     * whatever the declaration; an attribute declared with an input type other than {@code text}
     * is a number when the text reads as a Python float; everything else stays a string.
     */
    public static Object typed(String text, String declaredInputType) {
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        if (declaredInputType != null && !declaredInputType.isEmpty() && !declaredInputType.equals("text")) {
            // parsed once, not checked with isFloat's pattern first: this runs for every attribute of
            // every shape, and text that is not a number in a number attribute is the rare case
            try {
                return PythonNumbers.parseFloat(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    /** The text of an {@code <attribute>} element: {@code true}/{@code false} for booleans, else Python {@code str()}. */
    public static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return PythonNumbers.str(value);
    }

    /**
     * Python {@code str(int(value))}: booleans are 1 and 0, reals are truncated toward zero, strings
     * are read with Python {@code int()}.
     *
     * @throws NumberFormatException where Python raises (None, NaN, infinities, non-integer text)
     */
    public static String intText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Long l) {
            return Long.toString(l);
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new NumberFormatException("cannot convert " + PythonNumbers.repr(d) + " to an integer");
            }
            return new BigDecimal(d).toBigInteger().toString();
        }
        if (value instanceof String s) {
            return Long.toString(PythonNumbers.parseInt(s));
        }
        throw new NumberFormatException("cannot convert " + PythonNumbers.str(value) + " to an integer");
    }

    /** {@link #intText} as a long. */
    public static long intValue(Object value) {
        String text = intText(value);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("integer out of range: " + text);
        }
    }
}
