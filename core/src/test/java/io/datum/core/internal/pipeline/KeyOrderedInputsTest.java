package io.datum.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ForwardingSource;
import io.datum.spi.ItemCursor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyOrderedInputsTest {
    @TempDir
    Path spill;

    /** Items "000".."n-1" of subset "s" in the order given, counting the passes over them. */
    private static final class Counted extends ForwardingSource {
        int passes;

        Counted(int... order) {
            super(Datasets.of(Categories.empty(), Arrays.stream(order)
                    .mapToObj(i -> new DatasetItem(String.format("%03d", i), "s", null, List.of()))
                    .collect(Collectors.toList())));
        }

        @Override
        public ItemCursor items() {
            passes++;
            return super.items();
        }
    }

    private static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static int[] shuffled(int n) {
        return IntStream.range(0, n).map(i -> (i * 37) % n).toArray();
    }

    /** Each key of a pass as "id:which inputs had it". */
    private static List<String> keys(KeyOrderedInputs.Pass pass) {
        List<String> keys = new ArrayList<>();
        for (DatasetItem[] group = pass.next(); group != null; group = pass.next()) {
            String id = null;
            StringBuilder which = new StringBuilder();
            for (int i = 0; i < group.length; i++) {
                if (group[i] != null) {
                    id = id == null ? group[i].id() : id;
                    which.append(i);
                }
            }
            keys.add(id + ":" + which);
        }
        return keys;
    }

    @Test
    void aShuffledInputIsSortedOnceAndEveryLaterPassReadsTheSort() {
        Counted shuffled = new Counted(shuffled(100));
        Counted inOrder = new Counted(range(50));
        try (KeyOrderedInputs inputs = new KeyOrderedInputs(List.of(shuffled, inOrder), List.of("a", "b"), 10, spill,
                KeyOrderedInputs.OrderCheck.FIRST_ITEMS, false)) {
            for (int pass = 0; pass < 3; pass++) {
                try (KeyOrderedInputs.Pass p = inputs.pass()) {
                    List<String> keys = keys(p);
                    assertEquals(100, keys.size());
                    assertEquals(List.of("000:01", "049:01", "050:0", "099:0"),
                            List.of(keys.get(0), keys.get(49), keys.get(50), keys.get(99)));
                    assertEquals(List.of(100L, 50L), List.of(p.read(0), p.read(1)));
                }
            }
            assertEquals(List.of(1, 3), List.of(shuffled.passes, inOrder.passes));
            assertEquals(1, inputs.spilledInputs());
        }
    }

    @Test
    void anInputThatBreaksTheOrderAfterItsFirstItemsFailsThePassAndIsSortedOnTheNext() {
        int[] late = range(40);
        late[30] = 35;
        late[35] = 30;
        Counted broken = new Counted(late);
        Counted shuffled = new Counted(shuffled(40));
        try (KeyOrderedInputs inputs = new KeyOrderedInputs(List.of(shuffled, broken), List.of("a", "b"), 10, spill,
                KeyOrderedInputs.OrderCheck.FIRST_ITEMS, true)) {
            KeyOrderedInputs.OrderBroken e = assertThrows(KeyOrderedInputs.OrderBroken.class, () -> {
                try (KeyOrderedInputs.Pass p = inputs.pass()) {
                    keys(p);
                }
            });
            assertEquals(1, e.input());
            try (KeyOrderedInputs.Pass p = inputs.pass()) {
                assertEquals(IntStream.range(0, 40).mapToObj(i -> String.format("%03d:01", i)).toList(), keys(p));
            }
            assertEquals(List.of(1, 2), List.of(shuffled.passes, broken.passes),
                    "the sort made by the failed pass is kept; only the input that broke is read again");
        }
    }

    @Test
    void theWholeInputCheckReadsEachInputOnceBeforeTheFirstPassAndRefusesRepeatedKeys() {
        Counted inOrder = new Counted(range(30));
        Counted repeated = new Counted(3, 1, 2, 1);
        try (KeyOrderedInputs inputs = new KeyOrderedInputs(List.of(inOrder, repeated), List.of("a", "b"), 10, spill,
                KeyOrderedInputs.OrderCheck.WHOLE_INPUT, false)) {
            DatasetException e = assertThrows(DatasetException.class, () -> {
                try (KeyOrderedInputs.Pass p = inputs.pass()) {
                    keys(p);
                }
            });
            assertEquals("Item ('001', 's') is repeated in 'b'", e.getMessage());
            assertEquals(List.of(2, 2), List.of(inOrder.passes, repeated.passes), "the check, then the pass");
        }
    }

    @Test
    void repeatedKeysArePairedInTurnWhenAllowed() {
        try (KeyOrderedInputs inputs = new KeyOrderedInputs(List.of(new Counted(2, 1, 2), new Counted(2, 3)),
                List.of("a", "b"), 10, spill, KeyOrderedInputs.OrderCheck.FIRST_ITEMS, true);
             KeyOrderedInputs.Pass p = inputs.pass()) {
            assertEquals(List.of("001:0", "002:01", "002:0", "003:1"), keys(p));
        }
    }
}
