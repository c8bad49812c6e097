package io.datum.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CocoPolygonAreaTest {
    @Test
    void rasterisesPolygonsLikeCoco() {
        // An axis-aligned rectangle with integer corners covers width * height pixels.
        assertEquals(12, CocoPolygonArea.area(new double[] {0, 0, 4, 0, 4, 3, 0, 3}, 10, 10));
    }
}
