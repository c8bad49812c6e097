package io.datum.core.internal.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's spelling of the values the reports put into their texts and keys. */
final class PythonText {
    private PythonText() {
    }

    /** {@code repr(s)}: single quotes unless the text has a single quote and no double quote. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /** {@code round(v, 2)}: the exact binary value rounded half to even, as Python rounds. */
    static double round2(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
