package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.model.LabelCategories;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Label lookups by a cell's bytes give what a map from name to index gives, wherever the cell lies in its buffer. */
class LabelIndexTest {
    private static final String[] NAMES = {
        "", "a", "/m/0bl9f", "/m/0bl9f2", "/m/00047", "/m/0bl9", "12345678", "123456789abcdef0",
        "123456789abcdef", "123456789abcdef01", "a label longer than sixteen bytes", "Müller", "日本語のラベル名前",
        "/m/0bl9f\u0000", "x\u0000",
    };

    private static int find(LabelIndex index, String cell, int before, int after) {
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[before + bytes.length + after];
        // bytes around the cell that would change the answer if they were read as part of it
        java.util.Arrays.fill(buffer, (byte) 'z');
        System.arraycopy(bytes, 0, buffer, before, bytes.length);
        return index.find(buffer, before, before + bytes.length);
    }

    @Test
    void findsEveryNameAndNothingElseWhereverTheCellIs() {
        LabelIndex index = new LabelIndex(LabelCategories.ofNames(NAMES));
        for (int i = 0; i < NAMES.length; i++) {
            for (int before : new int[] {0, 3, 40}) {
                for (int after : new int[] {0, 1, 7, 20}) {
                    assertEquals(i, find(index, NAMES[i], before, after), NAMES[i] + " at " + before + "/" + after);
                }
            }
        }
        for (String absent : new String[] {"b", "/m/0bl9g", "/m/0bl9f3", "1234567", "123456789abcdef1", "z",
            "a label longer than sixteen byteZ", "Mülle", "/m/0bl9fz", "zz"}) {
            for (int after : new int[] {0, 20}) {
                assertEquals(-1, find(index, absent, 5, after), absent);
            }
        }
    }

    @Test
    void agreesWithAMapOnManyRandomNames() {
        Random random = new Random(7);
        List<String> names = new ArrayList<>();
        Map<String, Integer> oracle = new HashMap<>();
        while (names.size() < 30_000) {
            String name = randomName(random);
            if (oracle.putIfAbsent(name, names.size()) == null) {
                names.add(name);
            }
        }
        LabelIndex index = new LabelIndex(LabelCategories.ofNames(names.toArray(String[]::new)));
        for (int k = 0; k < 100_000; k++) {
            String cell = random.nextBoolean() ? names.get(random.nextInt(names.size())) : randomName(random);
            int expected = oracle.getOrDefault(cell, -1);
            assertEquals(expected, find(index, cell, random.nextInt(4), random.nextInt(18)), cell);
        }
    }

    private static String randomName(Random random) {
        StringBuilder s = new StringBuilder("/m/");
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) {
            s.append("0123456789abcdefghijklmnopqrstuvwxyz_é".charAt(random.nextInt(38)));
        }
        return s.toString();
    }
}
