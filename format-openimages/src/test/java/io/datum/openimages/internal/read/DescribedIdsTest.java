package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A join finds each id's position as a map would, whatever order the ids are asked in. */
class DescribedIdsTest {
    @TempDir
    Path temp;

    private static String randomId(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return s.toString();
    }

    private static int positionOf(DescribedIds.Join join, String id, int padding) throws IOException {
        byte[] key = ("x".repeat(padding) + id + "yy").getBytes(StandardCharsets.UTF_8);
        return join.positionOf(key, padding, padding + id.length());
    }

    @Test
    void aJoinAgreesWithAMapInOrderWithGapsAndOutOfOrder() throws IOException {
        Random random = new Random(5);
        Map<String, Integer> positions = new HashMap<>();
        List<List<String>> segments = new ArrayList<>();
        try (DescribedIds ids = DescribedIds.create(temp)) {
            // three description files (segments), each sorted, of very different sizes
            for (int count : new int[] {5_000, 37, 2_100}) {
                TreeSet<String> sorted = new TreeSet<>();
                while (sorted.size() < count) {
                    sorted.add(randomId(random));
                }
                ids.startSegment();
                List<String> segment = new ArrayList<>(sorted);
                for (String id : segment) {
                    byte[] b = id.getBytes(StandardCharsets.UTF_8);
                    positions.put(id, ids.add(b, 0, b.length, "s" + segments.size()));
                }
                segments.add(segment);
            }
            ids.finishWriting();
            List<String> asked = new ArrayList<>();
            // a sorted file of each segment: runs of one id, gaps short and long, ids nobody described
            for (List<String> segment : segments) {
                for (int i = 0; i < segment.size(); i += 1 + (random.nextInt(10) == 0 ? random.nextInt(200) : random.nextInt(3))) {
                    for (int r = random.nextInt(4); r >= 0; r--) {
                        asked.add(segment.get(i));
                    }
                    if (random.nextInt(50) == 0) {
                        asked.add(segment.get(i) + "0");
                    }
                }
            }
            // then the same ids shuffled, and some before and after everything
            List<String> shuffled = new ArrayList<>(asked);
            java.util.Collections.shuffle(shuffled, random);
            asked.addAll(shuffled);
            asked.add("");
            asked.add("0");
            asked.add("ffffffffffffffffff");
            try (DescribedIds.Join join = ids.join()) {
                for (String id : asked) {
                    assertEquals(positions.getOrDefault(id, DescribedIds.NOT_DESCRIBED), positionOf(join, id, random.nextInt(3)), id);
                }
            }
        }
    }
}
