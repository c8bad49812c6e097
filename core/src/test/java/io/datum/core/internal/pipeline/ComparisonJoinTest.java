package io.datum.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonJoinTest {
    @TempDir
    Path spill;

    /** What the join handed over, in order, as "both KEY", "first KEY", "second KEY". */
    private static class Recorder implements ComparisonJoin.Visitor {
        final List<String> calls = new ArrayList<>();
        long both;
        long first;
        long second;
        DatasetItem last;
        boolean inOrder = true;
        final boolean keep;

        Recorder(boolean keep) {
            this.keep = keep;
        }

        private void seen(String kind, DatasetItem item) {
            inOrder &= last == null || ComparisonJoin.KEY_ORDER.compare(last, item) <= 0;
            last = item;
            if (keep) {
                calls.add(kind + " " + item.subset() + "/" + item.id());
            }
        }

        @Override
        public void inBoth(DatasetItem a, DatasetItem b) {
            assertEquals(a.id(), b.id());
            assertEquals(a.annotations(), b.annotations());
            both++;
            seen("both", a);
        }

        @Override
        public void onlyInFirst(DatasetItem a) {
            first++;
            seen("first", a);
        }

        @Override
        public void onlyInSecond(DatasetItem b) {
            second++;
            seen("second", b);
        }
    }

    /** Items numbered 0..count-1 for which {@code kept} holds, in the order of {@code order}, counting what is read. */
    private static final class Numbered implements DatasetSource {
        final int[] order;
        final IntPredicate kept;
        long made;
        int passes;

        Numbered(int[] order, IntPredicate kept) {
            this.order = order;
            this.kept = kept;
        }

        @Override
        public Categories categories() {
            return new Categories(LabelCategories.ofNames("a", "b", "c"));
        }

        @Override
        public ItemCursor items() {
            passes++;
            return new ItemCursor() {
                int at;

                private void skip() {
                    while (at < order.length && !kept.test(order[at])) {
                        at++;
                    }
                }

                @Override
                public boolean hasNext() {
                    skip();
                    return at < order.length;
                }

                @Override
                public DatasetItem next() {
                    skip();
                    int i = order[at++];
                    made++;
                    return new DatasetItem(String.format("%07d", i), i % 2 == 0 ? "train" : "val", null,
                            List.of(new Label(i % 3)));
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** 0..n-1 in key order: the even ones (train) first, then the odd ones (val). */
    private static int[] keyOrdered(int n) {
        int[] order = new int[n];
        int at = 0;
        for (int i = 0; i < n; i += 2) {
            order[at++] = i;
        }
        for (int i = 1; i < n; i += 2) {
            order[at++] = i;
        }
        return order;
    }

    @Test
    void threeHundredThousandShuffledItemsArePairedReadingEachDatasetOnceWithASmallSortBuffer() throws Exception {
        int n = 300_000;
        // the first lacks every 7th item, the second every 11th
        Numbered first = new Numbered(shuffled(n, 1), i -> i % 7 != 0);
        Numbered second = new Numbered(shuffled(n, 2), i -> i % 11 != 0);
        var joined = new ComparisonJoin(5_000, spill).run(first, second, () -> new Recorder(false));
        Recorder r = joined.visitor();
        long onlyFirst = 0;
        long onlySecond = 0;
        long both = 0;
        for (int i = 0; i < n; i++) {
            boolean a = i % 7 != 0;
            boolean b = i % 11 != 0;
            both += a && b ? 1 : 0;
            onlyFirst += a && !b ? 1 : 0;
            onlySecond += b && !a ? 1 : 0;
        }
        assertEquals(List.of(both, onlyFirst, onlySecond), List.of(r.both, r.first, r.second));
        assertTrue(r.inOrder, "keys are handed over in order");
        assertEquals(List.of(1, 1), List.of(first.passes, second.passes), "one pass over each");
        assertEquals(List.of(both + onlyFirst, both + onlySecond), List.of(first.made, second.made),
                "each item read once");
        assertEquals(List.of(first.made, second.made), List.of(joined.firstItems(), joined.secondItems()));
        try (Stream<Path> left = Files.list(spill)) {
            assertEquals(0, left.count(), "the spill files are gone");
        }
    }

    @Test
    void aDatasetInKeyOrderPassesThroughWithoutBeingReadAhead() {
        int n = 50_000;
        Numbered sorted = new Numbered(keyOrdered(n), i -> true);
        Numbered second = new Numbered(keyOrdered(n), i -> i != 3);
        long[] readWhenFirstPaired = {-1};
        var joined = new ComparisonJoin(1_000, spill).run(sorted, second, () -> new Recorder(false) {
            @Override
            public void inBoth(DatasetItem a, DatasetItem b) {
                if (readWhenFirstPaired[0] < 0) {
                    readWhenFirstPaired[0] = sorted.made;
                }
                super.inBoth(a, b);
            }
        });
        assertEquals(1_000, readWhenFirstPaired[0], "only the first sort buffer is read before pairing starts");
        assertEquals(List.of((long) n - 1, 1L, 0L), List.of(joined.visitor().both, joined.visitor().first,
                joined.visitor().second));
        assertEquals(List.of(1, 1), List.of(sorted.passes, second.passes));
    }

    @Test
    void aDatasetThatBreaksTheOrderAfterItsFirstBufferIsReadAgainAndSorted() {
        int n = 10_000;
        int[] order = keyOrdered(n);
        // swap two items far past the first buffer
        int t = order[6_000];
        order[6_000] = order[9_000];
        order[9_000] = t;
        Numbered first = new Numbered(order, i -> true);
        Numbered second = new Numbered(keyOrdered(n), i -> true);
        var joined = new ComparisonJoin(1_000, spill).run(first, second, () -> new Recorder(true));
        Recorder r = joined.visitor();
        assertEquals(List.of((long) n, 0L, 0L), List.of(r.both, r.first, r.second), "the result of the retry only");
        assertTrue(r.inOrder);
        assertEquals(List.of(2, 2), List.of(first.passes, second.passes), "the attempt is dropped and made again");
        assertEquals("both train/0000000", r.calls.get(0));
    }

    @Test
    void smallDatasetsAreSortedInMemoryAndDuplicateKeysArePairedInTurn() {
        Numbered first = new Numbered(new int[] {4, 1, 2, 2}, i -> true);
        Numbered second = new Numbered(new int[] {2, 3, 1}, i -> true);
        Recorder r = new ComparisonJoin(100, spill).run(first, second, () -> new Recorder(true)).visitor();
        assertEquals(List.of("both train/0000002", "first train/0000002",
                "first train/0000004", "both val/0000001", "second val/0000003"), r.calls);
    }
}
