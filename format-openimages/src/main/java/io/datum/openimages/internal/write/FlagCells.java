package io.datum.openimages.internal.write;

import io.datum.model.Bbox;
import io.datum.openimages.internal.csv.CsvWriter;
import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;

/** The cells of a box's five Is* columns, from its attributes. */
final class FlagCells {
    private static final byte[] ONE = CsvWriter.encode("1");
    private static final byte[] ZERO = CsvWriter.encode("0");
    private static final byte[] MINUS_ONE = CsvWriter.encode("-1");
    /** What a box without the attribute gives (no attribute value is this object). */
    private static final Object ABSENT = new Object();

    private FlagCells() {
    }

    /**
     * Python's {@code int(value)} of a box attribute; -1 when absent. A text flag as CVAT's radio and
     * select attributes spell it counts too: {@code true}/{@code yes} is 1, {@code false}/{@code no}
     * is 0, in any letter case (docs/differences.md, D24).
     */
    static byte[] of(Bbox box, String attribute, String id) {
        Object v = box.attributes().getOrDefault(attribute, ABSENT);
        if (v == ABSENT) {
            return MINUS_ONE;
        }
        if (v instanceof Boolean b) {
            return b ? ONE : ZERO;
        }
        if (v instanceof Long l) {
            return cell(l);
        }
        if (v instanceof Double d && Double.isFinite(d)) {
            // int() truncates toward zero, as a cast does below 2^63
            return Math.abs(d) < 1e18 ? cell((long) (double) d)
                    : CsvWriter.encode(new java.math.BigDecimal(d).toBigInteger().toString());
        }
        if (v instanceof String s) {
            try {
                return CsvWriter.encode(Long.toString(PythonNumbers.parseInt(s)));
            } catch (NumberFormatException e) {
                // not an integer: maybe a yes/no word
            }
            String word = s;
            if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("yes")) {
                return ONE;
            }
            if (word.equalsIgnoreCase("false") || word.equalsIgnoreCase("no")) {
                return ZERO;
            }
        }
        throw new DatasetException("item '" + id + "': box attribute '" + attribute + "' = " + PythonNumbers.str(v)
                + " is not an integer, a boolean or yes/no");
    }

    /** The cell of an integer: the usual -1, 0 and 1 made once (five flags a box, millions of boxes). */
    private static byte[] cell(long value) {
        if (value == 0) {
            return ZERO;
        } else if (value == 1) {
            return ONE;
        } else if (value == -1) {
            return MINUS_ONE;
        }
        return CsvWriter.encode(Long.toString(value));
    }
}
