package io.datum.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.spi.DatasetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {
    @Test
    void spellsJsonLikePythonWithTheIndentGiven() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1L, 0.5, 6.361265799828938e-08, Double.NaN, 1.0));
        m.put("b", List.of());
        m.put("c", new LinkedHashMap<>());
        m.put("d", "x\"y\u0001é");
        m.put("e", true);
        assertEquals("{\n  \"a\": [\n    1,\n    0.5,\n    6.361265799828938e-08,\n    NaN,\n    1.0\n  ],\n  \"b\": [],\n"
                + "  \"c\": {},\n  \"d\": \"x\\\"y\\u0001é\",\n  \"e\": true\n}", PythonJson.dumps(m, 2));
        assertEquals("{\n    \"k\": [\n        \"v\"\n    ]\n}", PythonJson.dumps(Map.of("k", List.of("v")), 4));
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() {
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i <= PythonJson.MAX_DEPTH; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        DatasetException e = assertThrows(DatasetException.class, () -> PythonJson.dumps(deep, 1));
        assertEquals("cannot write JSON nested deeper than 1000 levels", e.getMessage());
    }
}
