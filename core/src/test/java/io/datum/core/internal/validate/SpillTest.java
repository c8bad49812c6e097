package io.datum.core.internal.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillTest {
    @TempDir
    Path dir;

    @Test
    void valuesComeBackInOrderAndAsAMap() {
        Spill spill = new Spill(dir);
        for (int i = 0; i < 10_000; i++) {
            spill.add(List.of("k" + i, Map.of("n", (long) i, "x", i / 2.0)));
        }
        spill.finish();
        long i = 0;
        for (Map.Entry<String, Object> e : spill.asMap().entrySet()) {
            assertEquals("k" + i, e.getKey());
            assertEquals(Map.of("n", i, "x", i / 2.0), e.getValue());
            i++;
        }
        assertEquals(10_000, i);
        assertEquals(10_000, spill.asMap().size());
    }

    /** One list per label and attribute of a large label set: more lists than a process may open files. */
    @Test
    void manyListsHoldNoOpenFileEach() {
        List<Spill> spills = new ArrayList<>();
        for (int s = 0; s < 20_000; s++) {
            Spill spill = new Spill(dir);
            for (int i = 0; i < 120; i++) {
                spill.add(List.of("item-" + i, "train"));
            }
            spills.add(spill);
        }
        long total = 0;
        for (Spill spill : spills) {
            for (Object ignored : spill) {
                total++;
            }
        }
        assertEquals(20_000L * 120, total);
    }
}
