package io.datum.benchmarks;

import io.datum.text.PythonNumbers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Reading numbers: PythonNumbers.parseFloat (Python's float()) against Double.parseDouble, on Open
 * Images coordinates (0..1, six decimals) and CVAT pixels (0..4000, two decimals). One operation
 * is one number.
 */
@OperationsPerInvocation(RealisticNumbers.COUNT)
public class PythonNumbersParsing extends NanosecondsPerOperation {
    final String[] coordinateTexts = RealisticNumbers.coordinateTexts();
    final String[] pixelTexts = RealisticNumbers.pixelTexts();

    @Benchmark
    public double parseFloatCoordinates() {
        return parseFloat(coordinateTexts);
    }

    /** Baseline: the JDK's correctly rounded parser, which Python's grammar cannot use as is. */
    @Benchmark
    public double jdkParseDoubleCoordinates() {
        return parseDouble(coordinateTexts);
    }

    @Benchmark
    public double parseFloatPixels() {
        return parseFloat(pixelTexts);
    }

    /** Baseline: as {@link #jdkParseDoubleCoordinates}, on CVAT's numbers. */
    @Benchmark
    public double jdkParseDoublePixels() {
        return parseDouble(pixelTexts);
    }

    private static double parseFloat(String[] texts) {
        double sum = 0;
        for (String text : texts) {
            sum += PythonNumbers.parseFloat(text);
        }
        return sum;
    }

    private static double parseDouble(String[] texts) {
        double sum = 0;
        for (String text : texts) {
            sum += Double.parseDouble(text);
        }
        return sum;
    }
}
