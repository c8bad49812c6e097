package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.api.DatasetInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DinfoVerbTest {
    @Test
    void displayNamesStandBesideTheLabelNamesThatHaveOneThatSaysMore() {
        DatasetInfo info = new DatasetInfo(3, Map.of("train", 3L), List.of("/m/0bt9lr", "/m/01yrx", "car", "/m/0"),
                List.of("Dog", "", "car", "/m/0"));
        assertEquals("length: 3\ncategories: label\n  label:\n    count: 4\n"
                + "    labels: /m/0bt9lr (Dog), /m/01yrx, car, /m/0\nsubsets: train\n  'train':\n    length: 3\n"
                + "    categories: label\n      label:\n        count: 4\n"
                + "        labels: /m/0bt9lr (Dog), /m/01yrx, car, /m/0\n", DinfoVerb.text(info, false));
    }

    @Test
    void theOverviewWithoutDisplayNamesIsAsBefore() {
        DatasetInfo info = new DatasetInfo(1, Map.of("a", 1L), List.of("x"));
        assertEquals(List.of(""), info.displayNames());
        assertEquals("length: 1\ncategories: label\n  label:\n    count: 1\n    labels: x\nsubsets: a\n  'a':\n"
                + "    length: 1\n    categories: label\n      label:\n        count: 1\n        labels: x\n",
                DinfoVerb.text(info, false));
        assertThrows(IllegalArgumentException.class, () -> new DatasetInfo(1, Map.of(), List.of("x"), List.of()));
    }
}
