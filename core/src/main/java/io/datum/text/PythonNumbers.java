package io.datum.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Numbers spelled and read the way the reference tool (Python) does, because users diff its
 * output against ours:
 * <ul>
 *   <li>{@link #repr(double)}: Python's {@code repr(float)} — the shortest digits that read back to
 *   the same double, {@code 1e-05}, {@code 1e+16}, {@code 0.0}, {@code nan}, {@code inf}. Java 17's
 *   {@code Double.toString} is not always shortest and spells {@code 1.0E-5}.</li>
 *   <li>{@link #fixed2(double)}: Python's {@code "{:.2f}"} — round half to even on the exact
 *   binary value ({@code String.format} rounds half up), {@code -0.00} kept.</li>
 *   <li>{@link #parseFloat} and {@link #parseInt}: Python's {@code float()} and {@code int()}, which
 *   accept what {@code Double.parseDouble} refuses ({@code inf}, {@code 1_0}, Unicode digits) and
 *   refuse what it accepts ({@code 0x1p3}, {@code 1.5f}).</li>
 * </ul>
 * All methods are pure and thread-safe.
 */
public final class PythonNumbers {
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INT = Pattern.compile("[+-]?\\d(?:_?\\d)*");
    /** Digits a long holds whatever they are. */
    private static final int MAX_LONG_DIGITS = 18;
    /** Mantissas below 2^53 are exact doubles: at most 15 decimal digits. */
    private static final int MAX_EXACT_DIGITS = 15;
    /** Powers of ten that are exact doubles. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    };

    private PythonNumbers() {
    }

    /** Python {@code repr(value)} for a float. */
    public static String repr(double value) {
        double abs = Math.abs(value);
        // Fastest path, for normalised coordinates (Open Images writes six places): a value that
        // is exactly m / 10^6 is spelled by those six places, trailing zeros dropped — any other
        // decimal as short is at least 10^-6 away, far more than half an ulp below 1.
        if (abs >= 1e-3 && abs < 1) {
            long millionths = Math.round(abs * 1e6);
            if (millionths / 1e6 == abs) {
                char[] text = {'-', '0', '.', '0', '0', '0', '0', '0', '0'};
                int end = text.length;
                for (int i = end - 1; i >= 3; i--, millionths /= 10) {
                    text[i] = (char) ('0' + millionths % 10);
                    if (text[i] == '0' && i == end - 1) {
                        end--;
                    }
                }
                return value < 0 ? new String(text, 0, end) : new String(text, 1, end - 1);
            }
        }
        // Whole numbers (scores of 1.0, pixel sizes) are spelled as integers with ".0" below 1e16.
        if (abs >= 1 && abs < 1e16 && value == Math.rint(value)) {
            return Long.toString((long) value).concat(".0");
        }
        // Fast path for the rest of plain notation (Python and Java agree on it between 1e-3 and
        // 1e7): ratios such as 277.94 / 683 need 16 or 17 digits, found with exact double-double
        // arithmetic instead of BigDecimal (JDK 17's Double.toString is not always the shortest).
        if (abs >= 1e-3 && abs < 1e7) {
            String plain = plainRepr(value, abs);
            if (plain != null) {
                return plain;
            }
        }
        return shortestRepr(value);
    }

    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        LONG_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = LONG_POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * The shortest correctly rounded decimal of {@code abs} (in [1e-3, 1e7)) that reads back as it,
     * in plain notation; null when a rounding is too close to call in double arithmetic (then the
     * exact BigDecimal search decides). Reading back is monotone in the number of digits, so a
     * binary search over them finds the shortest, as {@link #shortestRepr} does.
     */
    private static String plainRepr(double value, double abs) {
        // 10^(decpt-1) <= abs < 10^decpt; a wrong guess shows as a wrong digit count in rounded()
        int decpt = abs >= 1 ? 1 : 0;
        while (abs >= powerOfTen(decpt)) {
            decpt++;
        }
        while (decpt <= 0 && decpt > -2 && abs * powerOfTen(1 - decpt) < 1) {
            decpt--;
        }
        // Most values that get here need 16 or 17 digits: try 15 first, then search below or above.
        long found = rounded(abs, 15, decpt);
        int foundDigits = 15;
        if (found == AMBIGUOUS) {
            return null;
        }
        if (found < 0) {
            for (foundDigits = 16; foundDigits <= 17; foundDigits++) {
                found = rounded(abs, foundDigits, decpt);
                if (found == AMBIGUOUS) {
                    return null;
                }
                if (found >= 0) {
                    return plain(value < 0, found, foundDigits, decpt);
                }
            }
            return null;
        }
        // fewer digits than the integer part has are the same decimal with zeros: start there
        int lo = Math.max(1, decpt);
        int hi = 15;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long r = rounded(abs, mid, decpt);
            if (r == AMBIGUOUS) {
                return null;
            }
            if (r >= 0) {
                hi = mid;
                found = r;
                foundDigits = mid;
            } else {
                lo = mid + 1;
            }
        }
        return plain(value < 0, found, foundDigits, decpt);
    }

    private static final long AMBIGUOUS = -2;
    /**
     * fraction and distance below are off their exact values by one rounding of a number under 2,
     * at most 2^-53 (halfUlp is exact: a power of two times 10^k): closer calls than this go to
     * BigDecimal. Decimal near-ties of a double are about 1e-11 off, far above it.
     */
    private static final double CLOSE = 1e-12;

    /**
     * abs correctly rounded to {@code digits} significant digits, as an integer, when that reads
     * back as abs; -1 when it does not; {@link #AMBIGUOUS} when double arithmetic cannot tell.
     *
     * <p>x·10^k is exactly {@code hi + lo} ({@link Math#fma}); its rounding to an integer r has the
     * wanted digits, and r·10^-k reads back as x when |r - x·10^k| is below half an ulp of x scaled
     * by 10^k (at exactly half an ulp it depends on the significand: left to BigDecimal).
     */
    private static long rounded(double abs, int digits, int decpt) {
        int k = digits - decpt;
        if (k < 0 || k > 22) {
            return AMBIGUOUS;
        }
        double scale = powerOfTen(k);
        double hi = abs * scale;
        double lo = Math.fma(abs, scale, -hi);
        double floor = Math.floor(hi);
        long whole = (long) floor;
        double fraction = (hi - floor) + lo;  // hi - floor is exact (Sterbenz)
        if (fraction < 0 || fraction >= 1) {
            double adjust = Math.floor(fraction);
            whole += (long) adjust;
            fraction -= adjust;
        }
        long rounded;
        if (fraction == 0.5 && lo == 0) {
            // an exact tie (x·10^k is a half-integer, as for x = m / 2^n): half-even, as BigDecimal rounds
            rounded = (whole & 1) == 0 ? whole : whole + 1;
        } else if (Math.abs(fraction - 0.5) < CLOSE) {
            return AMBIGUOUS;
        } else {
            rounded = fraction > 0.5 ? whole + 1 : whole;
        }
        if (rounded < LONG_POWERS_OF_TEN[digits - 1] || rounded > LONG_POWERS_OF_TEN[digits]) {
            return AMBIGUOUS;
        }
        double distance = Math.abs((double) (rounded - whole) - fraction);
        double halfUlp = Math.ulp(abs) / 2 * scale;
        if (Math.abs(distance - halfUlp) < CLOSE) {
            return AMBIGUOUS;
        }
        return distance < halfUlp ? rounded : -1;
    }

    /** 10^k for 0 <= k <= 22, all exact doubles. */
    private static double powerOfTen(int k) {
        return ALL_EXACT_POWERS_OF_TEN[k];
    }

    private static final double[] ALL_EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /** {@code significand} (digits long, or one more after a carry) times 10^(decpt - digits), in plain notation. */
    private static String plain(boolean negative, long significand, int digits, int decpt) {
        if (significand >= LONG_POWERS_OF_TEN[digits]) {
            decpt++;
            significand /= 10;
        }
        while (significand % 10 == 0) {
            significand /= 10;
            digits--;
        }
        String d = Long.toString(significand);
        digits = d.length();
        StringBuilder sb = new StringBuilder(digits + 8);
        if (negative) {
            sb.append('-');
        }
        if (decpt <= 0) {
            sb.append("0.");
            for (int i = decpt; i < 0; i++) {
                sb.append('0');
            }
            sb.append(d);
        } else if (decpt < digits) {
            sb.append(d, 0, decpt).append('.').append(d, decpt, digits);
        } else {
            sb.append(d);
            for (int i = digits; i < decpt; i++) {
                sb.append('0');
            }
            sb.append(".0");
        }
        return sb.toString();
    }

    /** The exact search behind {@link #repr}; package-private for the test that checks the fast path. */
    static String shortestRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        double abs = Math.abs(value);
        BigDecimal exact = new BigDecimal(abs);
        // The shortest precision whose correctly rounded decimal reads back as the same double.
        // Monotone in the precision, so a binary search over 1..17 digits finds it.
        int lo = 1;
        int hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (exact.round(new MathContext(mid, RoundingMode.HALF_EVEN)).doubleValue() == abs) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal shortest = exact.round(new MathContext(lo, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        StringBuilder sb = new StringBuilder(24);
        if (value < 0) {
            sb.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.");
                sb.append("0".repeat(-decpt));
                sb.append(digits);
            } else if (decpt < digits.length()) {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            } else {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }

    /** Python {@code "{:.2f}".format(value)}. */
    public static String fixed2(double value) {
        return appendFixed2(new StringBuilder(24), value).toString();
    }

    /** {@link #fixed2} appended to {@code sb}, without a String per number (for writers of millions). */
    public static StringBuilder appendFixed2(StringBuilder sb, double value) {
        long cents = roundedCents(value);
        if (cents < 0) {
            return sb.append(exactFixed2(value));
        }
        if (isNegative(value)) {
            sb.append('-');
        }
        long rest = cents % 100;
        return sb.append(cents / 100).append('.').append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10));
    }

    /** The most bytes {@link #putFixed2} writes: a sign, the 309 integer digits of the largest double, a point, two decimals. */
    public static final int FIXED2_MAX_BYTES = 313;

    /**
     * {@link #fixed2} as ASCII bytes from {@code dst[at]}, for writers that build their output as
     * bytes (no String, no StringBuilder per number). {@code dst} needs {@link #FIXED2_MAX_BYTES}
     * free bytes from {@code at}.
     *
     * @return the index after the last byte written
     */
    public static int putFixed2(byte[] dst, int at, double value) {
        long cents = roundedCents(value);
        if (cents < 0) {
            String exact = exactFixed2(value);
            for (int i = 0; i < exact.length(); i++) {
                dst[at++] = (byte) exact.charAt(i);
            }
            return at;
        }
        if (isNegative(value)) {
            dst[at++] = '-';
        }
        long whole = cents / 100;
        int rest = (int) (cents % 100);
        int end = at + digitCount(whole);
        for (int i = end - 1; i >= at; i--) {
            dst[i] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
        dst[end] = '.';
        dst[end + 1] = (byte) ('0' + rest / 10);
        dst[end + 2] = (byte) ('0' + rest % 10);
        return end + 3;
    }

    private static int digitCount(long nonNegative) {
        int n = 1;
        for (long v = nonNegative; v >= 10; v /= 10) {
            n++;
        }
        return n;
    }

    private static boolean isNegative(double value) {
        return value < 0 || (value == 0 && 1 / value < 0);
    }

    /**
     * |value| in hundredths, rounded half-even on the exact binary value, or -1 where double
     * arithmetic cannot tell: value * 100 is off the exact product by at most half an ulp, so
     * unless it lies within two ulps of a .5 tie, rounding it gives the same integer as rounding
     * the exact value. Ties, large magnitudes, NaN and infinities get -1.
     */
    private static long roundedCents(double value) {
        double scaled = value * 100;
        if (!(Math.abs(scaled) < 1e15)) {
            return -1;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) <= 2 * Math.ulp(scaled)) {
            return -1;
        }
        return Math.abs((long) (fraction > 0.5 ? floor + 1 : floor));
    }

    /** {@link #fixed2} through BigDecimal: ties and large magnitudes exactly, and Python's nan and inf. */
    private static String exactFixed2(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String exact = new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return isNegative(value) && !exact.startsWith("-") ? "-" + exact : exact;
    }

    /** Python {@code str(value)} for an attribute value: booleans, None, ints, floats, strings. */
    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return repr(d);
        }
        if (value instanceof Float f) {
            return repr(f.doubleValue());
        }
        return value.toString();
    }

    /**
     * Python {@code float(text)}.
     *
     * @throws NumberFormatException when Python would raise ValueError
     */
    public static double parseFloat(String text) {
        return parseFloat(text, 0, text.length());
    }

    /**
     * Python {@code float()} of {@code text[from, to)}. Plain decimals of at most 15 digits
     * ({@code 12}, {@code -277.94}) are read directly: mantissa and power of ten are both exact
     * doubles, so the one rounding of the division is the correctly rounded value. Every other
     * form goes through the full Python grammar.
     *
     * @throws NumberFormatException when Python would raise ValueError
     */
    public static double parseFloat(CharSequence text, int from, int to) {
        int start = from < to && text.charAt(from) == '-' ? from + 1 : from;
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        boolean plain = true;
        for (int i = start; i < to && plain; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point && i > start) {
                point = true;
            } else {
                plain = false;
            }
        }
        if (plain && digits > 0 && digits <= MAX_EXACT_DIGITS) {
            double value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
            return start > from ? -value : value;
        }
        return parseFloatSlowly(text.subSequence(from, to).toString());
    }

    /**
     * Python {@code float()} of the UTF-8 bytes {@code utf8[from, to)}: the same fast path as
     * {@link #parseFloat(CharSequence, int, int)}, read from bytes so that a CSV reader needs no
     * String per cell; any other form is decoded and read by the full grammar.
     *
     * @throws NumberFormatException when Python would raise ValueError
     */
    public static double parseFloat(byte[] utf8, int from, int to) {
        // the same plain decimals as the char version, read in two tight loops (integer digits,
        // then fraction digits): this runs for every coordinate of every box
        int start = from < to && utf8[from] == '-' ? from + 1 : from;
        int i = start;
        long mantissa = 0;
        for (int d; i < to && (d = utf8[i] - '0') >= 0 && d <= 9; i++) {
            mantissa = mantissa * 10 + d;
        }
        int digits = i - start;
        int fractionDigits = 0;
        if (digits > 0 && i < to && utf8[i] == '.') {
            int fraction = ++i;
            for (int d; i < to && (d = utf8[i] - '0') >= 0 && d <= 9; i++) {
                mantissa = mantissa * 10 + d;
            }
            fractionDigits = i - fraction;
            digits += fractionDigits;
        }
        if (i == to && digits > 0 && digits <= MAX_EXACT_DIGITS) {
            double value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
            return start > from ? -value : value;
        }
        return parseFloatSlowly(new String(utf8, from, to - from, StandardCharsets.UTF_8));
    }

    /** The full Python grammar behind {@link #parseFloat}; package-private for the test of the fast path. */
    static double parseFloatSlowly(String text) {
        String s = asciiDigits(text.strip());
        if (FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s.replace("_", ""));
        }
        if (SPECIAL.matcher(s).matches()) {
            String lower = s.toLowerCase();
            if (lower.endsWith("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException("could not convert string to float: '" + text + "'");
    }

    /** True when {@link #parseFloat} would accept the text. */
    public static boolean isFloat(String text) {
        String s = asciiDigits(text.strip());
        return FLOAT.matcher(s).matches() || SPECIAL.matcher(s).matches();
    }

    /**
     * Python {@code int(text)} in base 10, limited to the range of a long.
     *
     * @throws NumberFormatException when Python would raise ValueError, or the value does not fit
     */
    public static long parseInt(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (length > start && length - start <= MAX_LONG_DIGITS) {
            long value = 0;
            boolean plain = true;
            for (int i = start; i < length && plain; i++) {
                char c = text.charAt(i);
                plain = c >= '0' && c <= '9';
                value = value * 10 + (c - '0');
            }
            if (plain) {
                return start == 1 ? -value : value;
            }
        }
        String s = asciiDigits(text.strip());
        if (!INT.matcher(s).matches()) {
            throw new NumberFormatException("invalid literal for int() with base 10: '" + text + "'");
        }
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("integer out of range: '" + text + "'");
        }
    }

    /**
     * Python {@code int()} of the UTF-8 bytes {@code utf8[from, to)}, as {@link #parseInt(String)}
     * reads it; plain ASCII digits need no String.
     *
     * @throws NumberFormatException when Python would raise ValueError, or the value does not fit
     */
    public static long parseInt(byte[] utf8, int from, int to) {
        int start = from < to && utf8[from] == '-' ? from + 1 : from;
        if (to > start && to - start <= MAX_LONG_DIGITS) {
            long value = 0;
            boolean plain = true;
            for (int i = start; i < to && plain; i++) {
                byte c = utf8[i];
                plain = c >= '0' && c <= '9';
                value = value * 10 + (c - '0');
            }
            if (plain) {
                return start > from ? -value : value;
            }
        }
        return parseInt(new String(utf8, from, to - from, StandardCharsets.UTF_8));
    }

    /** Python accepts any Unicode decimal digit; map them to ASCII first. */
    private static String asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127) {
                StringBuilder sb = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (d > 127 && Character.isDigit(d)) {
                        sb.append((char) ('0' + Character.digit(d, 10)));
                    } else {
                        sb.append(d);
                    }
                }
                return sb.toString();
            }
        }
        return s;
    }
}
