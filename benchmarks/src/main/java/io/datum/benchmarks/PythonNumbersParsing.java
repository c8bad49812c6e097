package io.datum.benchmarks;

import io.datum.text.PythonNumbers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading numbers: PythonNumbers.parseFloat (Python's float()) against Double.parseDouble, on Open
 * Images coordinates (0..1, six decimals) and CVAT pixels (0..4000, two decimals). One operation
 * is one number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(RealisticNumbers.COUNT)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class PythonNumbersParsing {
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
