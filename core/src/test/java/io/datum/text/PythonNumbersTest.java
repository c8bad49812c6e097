package io.datum.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static io.datum.text.PythonNumbers.shortestRepr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonNumbersTest {
    // Expected spellings taken from CPython 3.11: repr(float.fromhex(...)) / repr(literal).
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0|0.0", "-0.0|-0.0", "1.0|1.0", "0.5|0.5", "0.1|0.1", "0.2|0.2",
            "0.20000000298023224|0.20000000298023224", "0.30000001192092896|0.30000001192092896",
            "0.3333333333333333|0.3333333333333333", "1e-05|1e-05", "0.0001|0.0001", "0.00012|0.00012",
            "1e16|1e+16", "9999999999999998.0|9999999999999998.0", "123456789012345678|1.2345678901234568e+17",
            "1.5e-10|1.5e-10", "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308",
            "100.0|100.0", "-2.5|-2.5", "0.1234567890123|0.1234567890123", "2.675|2.675",
            "1e22|1e+22", "1e21|1e+21", "123.456|123.456"})
    void spellsFloatsLikePythonRepr(String literal, String expected) {
        assertEquals(expected, PythonNumbers.repr(Double.parseDouble(literal)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1e-7, 3.14159, 6.02214076e23, 1.0 / 3, 2.0 / 3, 1e-300, 4.35, 0.07})
    void reprReadsBackToTheSameDouble(double value) {
        assertEquals(value, Double.parseDouble(PythonNumbers.repr(value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"NaN|nan", "Infinity|inf", "-Infinity|-inf"})
    void spellsSpecialValuesLikePython(String literal, String expected) {
        assertEquals(expected, PythonNumbers.repr(Double.parseDouble(literal)));
        assertEquals(expected, PythonNumbers.fixed2(Double.parseDouble(literal)));
    }

    // Values from CPython 3.11 "{:.2f}" on doubles (no float32 rounding first: decisions D1).
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.005|1.00", "2.345|2.35", "4.125|4.12", "4.375|4.38", "2.675|2.67", "-0.001|-0.00", "1e-7|0.00",
            "123456.789|123456.79", "1000000.015|1000000.02", "16777216|16777216.00", "0.995|0.99",
            "0.015|0.01", "1048576.125|1048576.12", "0.125|0.12", "0.375|0.38", "-0.0|-0.00", "3.5|3.50"})
    void formatsTwoDecimalsHalfEvenOnTheExactBinaryValue(double value, String expected) {
        assertEquals(expected, PythonNumbers.fixed2(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1.0", " 2.5 |2.5", "1_0|10.0", "1e3|1000.0", "-Infinity|-Infinity", "inf|Infinity", "+.5|0.5",
            "5.|5.0", "\u0661\u0662|12.0"})
    void parsesWhatPythonFloatAccepts(String text, double expected) {
        assertEquals(expected, PythonNumbers.parseFloat(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "1.5f", "1d", "", "1__0", "_1", "1_", "abc", "1.2.3", "--1"})
    void refusesWhatPythonFloatRefuses(String text) {
        assertThrows(NumberFormatException.class, () -> PythonNumbers.parseFloat(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0003|3", " -7 |-7", "+5|5", "1_000|1000"})
    void parsesWhatPythonIntAccepts(String text, long expected) {
        assertEquals(expected, PythonNumbers.parseInt(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "6.0", "", "1e3", "0x10", "99999999999999999999"})
    void refusesWhatPythonIntRefuses(String text) {
        assertThrows(NumberFormatException.class, () -> PythonNumbers.parseInt(text));
    }

    @org.junit.jupiter.api.Test
    void spellsAttributeValuesLikePythonStr() {
        assertEquals("True", PythonNumbers.str(true));
        assertEquals("None", PythonNumbers.str(null));
        assertEquals("3", PythonNumbers.str(3L));
        assertEquals("1.0", PythonNumbers.str(1.0));
        assertEquals("0003", PythonNumbers.str("0003"));
    }

    @org.junit.jupiter.api.Test
    void theFastPathsAgreeWithTheExactOnes() {
        java.util.Random random = new java.util.Random(11);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 1.0, 0.001, 0.000999,
                9999999.0, 1e7, 2e-3, 0.1 + 0.2, 1.0 / 3, 0.391459, 123.456, 5e-324, 1e16, 1e22, Double.MAX_VALUE,
                100.0, 0.5, -7.25, 2.675, 1.005, 0.125, -0.375, 1e13 + 0.005, 0.0011, 0.999999, 0.9999999,
                0.123456, 0.1234567, 0.00099, 0.000999999, -0.5, 1e-7));
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextDouble());
            values.add(Math.round(random.nextDouble() * 1e6) / 1e6);
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextInt(2000) / (double) (1 + random.nextInt(1000)));
            values.add(random.nextInt(200_000) / 8.0 - 10_000);
            values.add(random.nextInt(1_000_000) / 1e6);
            values.add(-random.nextInt(1_000_000) / 1e6 * (1 + 1e-9 * random.nextInt(3)));
            values.add((double) (random.nextLong() % 10_000_000_000_000_000L));
            values.add((double) random.nextInt(5000) * (random.nextBoolean() ? 1 : -1));
            // CVAT pixel coordinates over image sides: the 16- and 17-digit path
            int side = 1 + random.nextInt(4000);
            values.add(Math.round(random.nextDouble() * side * 100) / 100.0 / side);
            values.add(random.nextInt(side * 100) / 100.0 / (1 + random.nextInt(4000)) * 1000);
            // sides that are powers of two (times 5): exact decimals whose shorter roundings are ties
            int dyadic = new int[] {512, 640, 1024, 2048, 1280}[random.nextInt(5)];
            values.add(random.nextInt(dyadic * 100 + 1) / 100.0 / dyadic);
        }
        for (double v : values) {
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                assertEquals(shortestRepr(v), PythonNumbers.repr(v), "bits " + Double.doubleToRawLongBits(v));
                assertEquals(new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        .replaceFirst("^(?=0\\.00$)", v < 0 || 1 / v < 0 ? "-" : ""), PythonNumbers.fixed2(v),
                        "bits " + Double.doubleToRawLongBits(v));
            }
            assertEquals(PythonNumbers.fixed2(v), putFixed2(v), "bits " + Double.doubleToRawLongBits(v));
        }
    }

    private static String putFixed2(double value) {
        byte[] bytes = new byte[3 + PythonNumbers.FIXED2_MAX_BYTES];
        bytes[0] = bytes[1] = '#';
        int end = PythonNumbers.putFixed2(bytes, 2, value);
        assertEquals("##", new String(bytes, 0, 2, java.nio.charset.StandardCharsets.US_ASCII), "wrote before its start");
        return new String(bytes, 2, end - 2, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-Double.MAX_VALUE, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, -0.0, 0.0, 0.125, -0.375, 2.675, 1e13, 9.99999999999999e12, -1e15, 123456.789})
    void putsTheSameBytesAsItSpells(double value) {
        assertEquals(PythonNumbers.fixed2(value), putFixed2(value));
    }

    @org.junit.jupiter.api.Test
    void readsPlainDecimalsExactlyOnTheFastPath() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 50_000; i++) {
            String fraction = String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9));
            String text = (random.nextBoolean() ? "-" : "") + random.nextInt(100_000) + "." + fraction;
            assertEquals(Double.parseDouble(text), PythonNumbers.parseFloat(text), text);
            assertEquals(Double.parseDouble(text), PythonNumbers.parseFloat("[" + text + "]", 1, text.length() + 1), text);
        }
        assertEquals(-0.0, PythonNumbers.parseFloat("-0"));
        assertEquals(Long.MAX_VALUE, PythonNumbers.parseInt(Long.toString(Long.MAX_VALUE)));
        assertEquals(-42, PythonNumbers.parseInt("-42"));
    }

    @org.junit.jupiter.api.Test
    void theFastParsingPathAgreesWithTheFullGrammar() {
        for (String text : java.util.List.of("0.2", "1", "-1", "+1", "1e5", "1.e5", ".5", "5.", "-.5", "1E-05",
                "0.000001", ".", "e5", ".e5", "1e", "+-1", "1-", "1e5.5", "--1", " 1", "1_0", "inf", "-Infinity", "nan",
                "\u0661", "12345678901234567890", "99999999999999999", "0x10", "1d", "1f", "", "0.512744", "-0", "-0.0",
                "+.5", "00.10", "123456789012345", "1234567890123456", "0.999999999999999", "0.1234567890123456789",
                "1.7976931348623157", "9007199254740993", "0.3", "1..2")) {
            Object fast;
            Object full;
            try {
                fast = PythonNumbers.parseFloat(text);
            } catch (NumberFormatException e) {
                fast = "ValueError";
            }
            try {
                full = PythonNumbers.parseFloatSlowly(text);
            } catch (NumberFormatException e) {
                full = "ValueError";
            }
            assertEquals(full, fast, "'" + text + "'");
        }
    }

    @org.junit.jupiter.api.Test
    void readsUtf8BytesAsItReadsStrings() {
        for (String text : java.util.List.of("0.2", "1", "-1", "+1", "1e5", ".5", "5.", "-.5", "1E-05", "0.391459",
                "-0", "-0.0", "00.10", "123456789012345", "1234567890123456", "0.1234567890123456789", " 2.5 ",
                "1_0", "inf", "-Infinity", "nan", "\u0661\u0662", "\u0661.5", "", "-", ".", "1..2", "abc", "1.5f",
                "0x10", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "0003", "\u00e9",
                "5.a", "-0.", "12a", "1.5.", "-5.", "0.0000000000000001", "123456789012345.")) {
            byte[] bytes = ("\u00e9," + text + ",\u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int from = "\u00e9,".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            int to = from + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertEquals(outcome(() -> PythonNumbers.parseFloat(text)),
                    outcome(() -> PythonNumbers.parseFloat(bytes, from, to)), "float " + text);
            assertEquals(outcome(() -> PythonNumbers.parseInt(text)),
                    outcome(() -> PythonNumbers.parseInt(bytes, from, to)), "int " + text);
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            String text = (random.nextBoolean() ? "-" : "") + random.nextInt(1000) + "." + random.nextInt(1_000_000);
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(PythonNumbers.parseFloat(text), PythonNumbers.parseFloat(bytes, 0, bytes.length), text);
        }
    }

    /** The value, or the exception's message: what a caller can observe. */
    private static Object outcome(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (NumberFormatException e) {
            return "ValueError: " + e.getMessage();
        }
    }
}
