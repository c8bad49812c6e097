package io.datum.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentDoublesTest {
    @Test
    void makesEachOfTheLastFewValuesOnceAndTellsBitsApart() {
        List<Double> made = new ArrayList<>();
        RecentDoubles<String> recent = new RecentDoubles<>(2);
        String one = recent.get(1.0, v -> {
            made.add(v);
            return "one";
        });
        recent.get(0.0, v -> {
            made.add(v);
            return "zero";
        });
        // alternating values within the size are made once each
        for (int i = 0; i < 5; i++) {
            assertSame(one, recent.get(1.0, v -> "again"));
            assertEquals("zero", recent.get(0.0, v -> "again"));
        }
        assertEquals(List.of(1.0, 0.0), made);
        // -0.0 has other bits than 0.0: made apart, and a third value pushes out the oldest
        assertEquals("minus zero", recent.get(-0.0, v -> "minus zero"));
        assertEquals("made again", recent.get(1.0, v -> "made again"));
        assertEquals("minus zero", recent.get(-0.0, v -> "not again"));
    }
}
