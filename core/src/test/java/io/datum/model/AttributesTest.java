package io.datum.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {
    @Test
    void aBuilderUsedAgainAfterBuildLeavesWhatItBuiltAlone() {
        Attributes.Builder b = Attributes.builder().put("a", 1).put("b", true);
        Attributes first = b.build();
        b.put("a", 2.5).put("c", "x").remove("b");
        Attributes second = b.build();
        assertEquals(List.of("a", "b"), first.nameList());
        assertEquals(1L, first.get("a"));
        assertEquals(List.of("a", "c"), second.nameList());
        assertEquals(2.5, second.get("a"));
        b.putAll(first);
        assertEquals(List.of("a", "b"), first.nameList());
        assertEquals(List.of("a", "c", "b"), b.build().nameList());
    }

    @Test
    void keepsPythonDictOrderAndTypes() {
        Attributes a = Attributes.of("score", 0.5f, "n", 3, "flag", false);
        assertEquals(List.of("score", "n", "flag"), a.nameList());
        assertEquals(0.5, a.get("score"));
        assertEquals(3L, a.get("n"));
        Attributes moved = a.with("score", 1.0);
        assertEquals(List.of("score", "n", "flag"), moved.nameList());
        assertEquals(0.5, a.get("score"));
        assertEquals(List.of("n", "flag"), a.without("score").nameList());
        assertSame(a, a.without("absent"));
        assertNotEquals(Attributes.of("x", 1, "y", 2), Attributes.of("y", 2, "x", 1));
        assertSame(Attributes.empty(), Attributes.builder().build());
    }
}
