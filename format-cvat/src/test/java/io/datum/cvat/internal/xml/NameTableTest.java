package io.datum.cvat.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Names looked up by their bytes give the number their String gives, for every kind of name. */
class NameTableTest {
    private static int fromBytes(NameTable t, String value) {
        byte[] bytes = ("xx" + value + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return t.find(bytes, 2, bytes.length - 2);
    }

    @Test
    void findsShortLongAndNonAsciiNames() {
        List<String> names = List.of("a", "/m/0bl9f", "exactly16chars!!", "seventeen chars!!", "caf\u00e9", "/m/0bl9", "b");
        NameTable t = new NameTable(names, List.of(0, 1, 2, 3, 4, 5, 6));
        for (int i = 0; i < names.size(); i++) {
            assertEquals(i, t.find(names.get(i)), names.get(i));
        }
        for (String ascii : List.of("a", "/m/0bl9f", "exactly16chars!!", "seventeen chars!!", "/m/0bl9", "b")) {
            assertEquals(names.indexOf(ascii), fromBytes(t, ascii), ascii);
        }
        for (String unknown : List.of("", "/m/0bl9f ", "/m/0bl", "exactly16chars!", "seventeen chars!!!", "c", "A")) {
            assertEquals(NameTable.UNKNOWN, t.find(unknown), unknown);
            assertEquals(NameTable.UNKNOWN, fromBytes(t, unknown), unknown);
        }
    }

    @Test
    void aNameGivenTwiceKeepsItsFirstNumberAndManyNamesAllResolve() {
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            names.add("/m/0" + Integer.toString(i * 7919, 36));
            numbers.add(i);
        }
        names.add("/m/00");
        numbers.add(99_999);
        NameTable t = new NameTable(names, numbers);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(i, fromBytes(t, names.get(i)));
        }
        assertEquals(0, t.find("/m/00"), "the first of the two");
    }

    @Test
    void aValueIsReadAloneWhateverBytesFollowIt() {
        // a look-up reads whole words past the value when the array has them: those bytes must not count
        String letters = "abcdefghijklmnopq";
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int length = 1; length <= 16; length++) {
            names.add(letters.substring(0, length));
            numbers.add(length);
        }
        NameTable t = new NameTable(names, numbers);
        for (int length = 1; length <= 17; length++) {
            int expected = length <= 16 ? length : NameTable.UNKNOWN;
            for (int after : new int[] {0, 1, 7, 15, 16, 30}) {
                byte[] bytes = new byte[3 + length + after];
                Arrays.fill(bytes, (byte) 'q');
                System.arraycopy(letters.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 3, length);
                assertEquals(expected, t.find(bytes, 3, 3 + length), length + " then " + after);
            }
        }
        byte[] near = "xxabcdefghq".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(NameTable.UNKNOWN, t.find(near, 2, 11), "abcdefghq is not a name");
        assertEquals(8, t.find(near, 2, 10));
    }

    @Test
    void agreesWithAMapOnManyRandomNames() {
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Map<String, Integer> oracle = new HashMap<>();
        // just under a power of two: the table is at its fullest
        while (names.size() < 32_767) {
            String name = randomName(random);
            if (oracle.putIfAbsent(name, names.size()) == null) {
                numbers.add(names.size());
                names.add(name);
            }
        }
        NameTable t = new NameTable(names, numbers);
        for (int k = 0; k < 100_000; k++) {
            String value = random.nextBoolean() ? names.get(random.nextInt(names.size())) : randomName(random);
            byte[] bytes = new byte[2 + value.length() + random.nextInt(20)];
            Arrays.fill(bytes, (byte) 'z');
            System.arraycopy(value.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 2, value.length());
            assertEquals(oracle.getOrDefault(value, NameTable.UNKNOWN), t.find(bytes, 2, 2 + value.length()), value);
        }
    }

    private static String randomName(Random random) {
        StringBuilder s = new StringBuilder("/m/");
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) {
            s.append("0123456789abcdefghijklmnopqrstuvwxyz_".charAt(random.nextInt(37)));
        }
        return s.toString();
    }

    @Test
    void namesPastWhatTheSlotsHoldAreFoundAllTheSame() {
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            names.add("/m/" + Integer.toString(i, 36));
            numbers.add(i * 3);
        }
        names.add("/m/0");  // given again, past the slots: the first number wins
        numbers.add(-5);
        NameTable t = new NameTable(names, numbers);
        for (int i = 0; i < 70_000; i += 7) {
            assertEquals(i * 3, fromBytes(t, names.get(i)), names.get(i));
            assertEquals(i * 3, t.find(names.get(i)), names.get(i));
        }
        assertEquals(69_999 * 3, fromBytes(t, names.get(69_999)));
        assertEquals(0, fromBytes(t, "/m/0"));
        assertEquals(NameTable.UNKNOWN, fromBytes(t, "/m/zzzzzz"));
    }
}
