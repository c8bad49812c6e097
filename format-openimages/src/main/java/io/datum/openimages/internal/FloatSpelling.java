package io.datum.openimages.internal;

import io.datum.text.PythonNumbers;

/**
 * Python's {@code repr(float)} at the speed an export of tens of millions of coordinates needs.
 * Java 17's {@code Double.toString} always reads back exactly but is not always the shortest
 * spelling. When it has at most 15 significant digits it is the shortest, though: two different
 * decimals of at most 15 digits are always further apart than two neighbouring doubles, so no
 * shorter one can name the same double. Between 1e-3 and 1e7 both languages also write the same
 * plain notation ({@code 0.391459}, {@code 1.0}, {@code 123.5}). Everything else goes to
 * {@link PythonNumbers#repr}.
 */
final class FloatSpelling {
    private FloatSpelling() {
    }

    static String repr(double value) {
        double abs = Math.abs(value);
        if (value == 0 || (abs >= 1e-3 && abs < 1e7)) {
            String java = Double.toString(value);
            if (significantDigits(java) <= 15) {
                return java;
            }
        }
        return PythonNumbers.repr(value);
    }

    /** Python's {@code str()} of an attribute value, floats through the fast {@link #repr}. */
    static String str(Object value) {
        return value instanceof Double d ? repr(d) : PythonNumbers.str(value);
    }

    private static int significantDigits(String plain) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= '1' && c <= '9') {
                if (first < 0) {
                    first = count;
                }
                last = count;
            }
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return first < 0 ? 1 : last - first + 1;
    }
}
