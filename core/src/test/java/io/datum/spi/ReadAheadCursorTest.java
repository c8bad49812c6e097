package io.datum.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadCursorTest {
    private static List<DatasetItem> items(int n) {
        List<DatasetItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new DatasetItem("item" + i, i % 2 == 0 ? "train" : "val", null, List.of()));
        }
        return items;
    }

    /** A pass over {@code items} that fails at {@code failAt} (or never) and records its closing and reads. */
    private static final class ScriptedCursor implements ItemCursor {
        final List<DatasetItem> items;
        final int failAt;
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicInteger read = new AtomicInteger();
        volatile Thread readBy;

        ScriptedCursor(List<DatasetItem> items, int failAt) {
            this.items = items;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            return read.get() < items.size();
        }

        @Override
        public DatasetItem next() {
            readBy = Thread.currentThread();
            if (read.get() == failAt) {
                throw DatasetException.at("a.csv", 7, "bad row");
            }
            return items.get(read.getAndIncrement());
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void handsOnEveryItemInOrderFromAnotherThread() {
        List<DatasetItem> items = items(1000);
        ScriptedCursor inner = new ScriptedCursor(items, -1);
        List<DatasetItem> seen = new ArrayList<>();
        try (ReadAheadCursor cursor = new ReadAheadCursor(inner)) {
            while (cursor.hasNext()) {
                seen.add(cursor.next());
            }
            assertFalse(cursor.hasNext());
        }
        assertEquals(items, seen);
        assertTrue(inner.closed.get());
        assertTrue(inner.readBy != Thread.currentThread());
    }

    @Test
    void throwsTheReadersFailureToTheConsumerAfterTheItemsBeforeIt() {
        ScriptedCursor inner = new ScriptedCursor(items(600), 300);
        int seen = 0;
        try (ReadAheadCursor cursor = new ReadAheadCursor(inner)) {
            DatasetException e = null;
            try {
                while (cursor.hasNext()) {
                    cursor.next();
                    seen++;
                }
            } catch (DatasetException failure) {
                e = failure;
            }
            assertEquals(300, seen);
            assertTrue(e != null && e.getMessage().equals("a.csv:7: bad row"), String.valueOf(e));
        }
        assertTrue(inner.closed.get());
    }

    @Test
    void closingEarlyStopsTheReaderAndClosesThePass() {
        ScriptedCursor inner = new ScriptedCursor(items(100_000), -1);
        ReadAheadCursor cursor = new ReadAheadCursor(inner);
        assertTrue(cursor.hasNext());
        cursor.next();
        cursor.close();
        assertTrue(inner.closed.get(), "closed by the reader before close() returned");
        assertTrue(inner.read.get() < 100_000, "the reader stopped early: " + inner.read.get());
    }

    @Test
    void keepsCountsAndCategoriesOfTheSource() {
        DatasetSource source = Datasets.of(Categories.empty(), items(5));
        DatasetSource ahead = Datasets.readingAhead(source);
        assertSame(source.categories(), ahead.categories());
        assertEquals(source.itemCount(), ahead.itemCount());
        assertEquals(source.subsetSizes(), ahead.subsetSizes());
        try (ItemCursor c = ahead.items()) {
            assertThrows(java.util.NoSuchElementException.class, () -> {
                for (int i = 0; i < 6; i++) {
                    c.next();
                }
            });
        }
    }
}
