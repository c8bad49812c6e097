package io.datum.benchmarks;

import io.datum.text.PythonNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Writing numbers: PythonNumbers.repr, fixed2/appendFixed2 and str against the JDK's nearest
 * equivalents. repr spells Open Images' normalised coordinates, fixed2 CVAT's pixels (two decimals,
 * half-even), str attribute values. One operation is one number.
 */
@OperationsPerInvocation(RealisticNumbers.COUNT)
public class PythonNumbersSpelling extends NanosecondsPerOperation {
    final double[] coordinates = RealisticNumbers.coordinates();
    final double[] ratios = RealisticNumbers.ratios();
    final double[] pixels = RealisticNumbers.pixels();
    final Object[] attributeValues = RealisticNumbers.attributeValues();
    private final StringBuilder buffer = new StringBuilder(32);

    /** Open Images to Open Images: six-decimal coordinates, repr's fastest path. */
    @Benchmark
    public long reprCoordinates() {
        long chars = 0;
        for (double v : coordinates) {
            chars += PythonNumbers.repr(v).length();
        }
        return chars;
    }

    /** Baseline for repr on the same numbers: Java's own shortest-that-reads-back spelling ("1.0E-4" style). */
    @Benchmark
    public long jdkToStringCoordinates() {
        long chars = 0;
        for (double v : coordinates) {
            chars += Double.toString(v).length();
        }
        return chars;
    }

    /** CVAT to Open Images: pixel / side, up to 17 digits, repr's general paths. */
    @Benchmark
    public long reprRatios() {
        long chars = 0;
        for (double v : ratios) {
            chars += PythonNumbers.repr(v).length();
        }
        return chars;
    }

    /** Baseline for repr: Double.toString reads back exactly too, but is not always shortest on 17. */
    @Benchmark
    public long jdkToStringRatios() {
        long chars = 0;
        for (double v : ratios) {
            chars += Double.toString(v).length();
        }
        return chars;
    }

    @Benchmark
    public long fixed2Pixels() {
        long chars = 0;
        for (double v : pixels) {
            chars += PythonNumbers.fixed2(v).length();
        }
        return chars;
    }

    /** What the CVAT writer calls: no String per number. */
    @Benchmark
    public long appendFixed2Pixels() {
        long chars = 0;
        for (double v : pixels) {
            buffer.setLength(0);
            chars += PythonNumbers.appendFixed2(buffer, v).length();
        }
        return chars;
    }

    /** Baseline: the obvious JDK spelling; it rounds half up, so it is not a correct replacement. */
    @Benchmark
    public long jdkStringFormatPixels() {
        long chars = 0;
        for (double v : pixels) {
            chars += String.format(Locale.ROOT, "%.2f", v).length();
        }
        return chars;
    }

    /** Baseline: the correct JDK spelling (half-even on the exact binary value), the fallback of fixed2. */
    @Benchmark
    public long jdkBigDecimalHalfEvenPixels() {
        long chars = 0;
        for (double v : pixels) {
            chars += new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString().length();
        }
        return chars;
    }

    /** Attribute values (booleans, ints, scores) as Python's str() spells them: True, 3, 0.87. */
    @Benchmark
    public long strAttributeValues() {
        long chars = 0;
        for (Object v : attributeValues) {
            chars += PythonNumbers.str(v).length();
        }
        return chars;
    }

    /** Baseline: String.valueOf, which spells booleans and some doubles differently ("true", "1.0E-4"). */
    @Benchmark
    public long jdkStringValueOfAttributeValues() {
        long chars = 0;
        for (Object v : attributeValues) {
            chars += String.valueOf(v).length();
        }
        return chars;
    }
}
