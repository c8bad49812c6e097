package io.datum.benchmarks;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Fixed arrays of the numbers the formats read and write, {@value #COUNT} of each kind (they stay in cache). */
final class RealisticNumbers {
    static final int COUNT = 1024;

    private RealisticNumbers() {
    }

    /** Open Images coordinates as written in its CSV files: 0..1, up to six decimals. */
    static String[] coordinateTexts() {
        return texts(7, r -> SyntheticData.coordinateText(SyntheticData.coordinate(r)));
    }

    /** CVAT pixel coordinates as written in its XML: 0..4000, two decimals. */
    static String[] pixelTexts() {
        return texts(8, SyntheticData::pixelText);
    }

    /** Open Images coordinates as read: exactly six decimals. */
    static double[] coordinates() {
        return values(9, SyntheticData::coordinate);
    }

    /** Normalised coordinates computed from CVAT pixels (pixel / side): up to 17 significant digits. */
    static double[] ratios() {
        return values(10, SyntheticData::ratio);
    }

    /** Pixel coordinates computed from Open Images ones (coordinate * side), to be written with two decimals. */
    static double[] pixels() {
        return values(11, SyntheticData::pixel);
    }

    /** Attribute values as the formats carry them: booleans (box flags), small ints, two-decimal scores. */
    static Object[] attributeValues() {
        SplittableRandom random = new SplittableRandom(12);
        Object[] values = new Object[COUNT];
        for (int i = 0; i < COUNT; i++) {
            int kind = random.nextInt(4);
            values[i] = kind < 2 ? (Object) random.nextBoolean()
                    : kind == 2 ? (Object) (long) random.nextInt(100) : (Object) (random.nextInt(101) / 100.0);
        }
        return values;
    }

    private static String[] texts(long seed, Function<SplittableRandom, String> next) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] texts = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            texts[i] = next.apply(random);
        }
        return texts;
    }

    private static double[] values(long seed, ToDoubleFunction<SplittableRandom> next) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            values[i] = next.applyAsDouble(random);
        }
        return values;
    }
}
