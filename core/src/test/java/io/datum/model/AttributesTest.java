package io.datum.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Attributes beforeClear = b.build();
        assertEquals(List.of("x"), b.clear().put("x", 1).build().nameList());
        assertEquals(List.of("a", "c"), beforeClear.nameList());
        assertSame(Attributes.empty(), b.put("y", 2).clear().build());
        b.putAll(second);
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

    @Test
    void readsAsAnOrderedUnmodifiableMap() {
        Attributes a = Attributes.of("b", 1, "a", null, "c", "x");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1L);
        expected.put("a", null);
        expected.put("c", "x");
        assertEquals(expected, a.asMap());
        assertEquals(expected.hashCode(), a.hashCode());
        assertEquals(expected.toString(), a.toString());
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(a.names()));
        assertTrue(a.has("a"));
        assertNull(a.get("a"));
        assertNull(a.getOrDefault("a", "fallback"), "None is a value");
        assertEquals("fallback", a.getOrDefault("z", "fallback"));
        assertFalse(a.has("z"));
        assertTrue(a.asMap().containsKey(new String("c")), "found by equality, not only identity");
        List<String> seen = new ArrayList<>();
        a.forEach((n, v) -> seen.add(n + "=" + v));
        assertEquals(List.of("b=1", "a=null", "c=x"), seen);
        assertThrows(UnsupportedOperationException.class, () -> a.asMap().put("d", 1));
        assertThrows(UnsupportedOperationException.class, () -> a.entries().iterator().next().setValue(2));
    }

    @Test
    void largeSetsKeepTheirOrderThroughTheNameIndex() {
        Attributes.Builder b = Attributes.builder();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            b.put("n" + i, i);
            expected.put("n" + i, (long) i);
        }
        Attributes built = b.build();
        b.put("n3", "again").remove("n10").remove("absent").put("n40", true);
        expected.put("n3", "again");
        expected.remove("n10");
        expected.put("n40", true);
        Attributes changed = b.build();
        assertEquals(40, built.size());
        assertEquals(3L, built.get("n3"));
        assertEquals(10L, built.get("n10"));
        assertEquals(expected, changed.asMap());
        assertEquals(new ArrayList<>(expected.keySet()), changed.nameList());
        assertEquals("again", changed.get(new String("n3")));
        assertFalse(changed.has("n10"));
        for (int i = 0; i < 30; i++) {
            b.remove("n" + i);
        }
        Attributes small = b.build();
        assertEquals(List.of("n30", "n31", "n32", "n33", "n34", "n35", "n36", "n37", "n38", "n39", "n40"), small.nameList());
        assertEquals(true, small.get("n40"));
        assertEquals(small, small.toBuilder().build());
        assertNotEquals(small, changed);
    }

    @Test
    void handsOutASetBuiltBeforeOnlyWhenNamesAndValuesMatchInOrder() {
        Attributes.Builder b = Attributes.builder().reusingBuilt();
        Attributes first = b.put("score", 1.0).put("occluded", false).build();
        Attributes same = b.clear().put("score", 1.0).put(new String("occluded"), false).build();
        assertSame(first, same);
        b.put("extra", "x");  // the builder changes after handing out a set built before
        assertEquals(List.of("score", "occluded"), same.nameList());
        Attributes extended = b.build();
        assertEquals(List.of("score", "occluded", "extra"), extended.nameList());
        Attributes otherOrder = b.clear().put("occluded", false).put("score", 1.0).build();
        assertNotSame(first, otherOrder);
        assertEquals(List.of("occluded", "score"), otherOrder.nameList());
        Attributes negativeZero = b.clear().put("score", -0.0).put("occluded", false).build();
        Attributes zero = b.clear().put("score", 0.0).put("occluded", false).build();
        assertNotSame(negativeZero, zero);
        assertEquals(-0.0, negativeZero.get("score"));
        assertEquals(1L, b.clear().put("score", 1).build().get("score"));
        assertEquals(1.0, b.clear().put("score", 1.0).build().get("score"));
        assertNotSame(first, Attributes.builder().put("score", 1.0).put("occluded", false).build(), "only when asked");
    }
}
