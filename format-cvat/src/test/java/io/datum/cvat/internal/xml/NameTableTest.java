package io.datum.cvat.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
}
