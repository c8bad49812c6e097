package io.datum.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class AbstractItemCursorTest {
    @Test
    void eachItemIsMadeOnceHeldUntilTakenAndTheEndStaysTheEnd() {
        int[] made = {0};
        AbstractItemCursor cursor = new AbstractItemCursor() {
            @Override
            protected DatasetItem computeNext() {
                return made[0] < 2 ? new DatasetItem("i" + made[0]++, "s", null, List.of()) : null;
            }

            @Override
            public void close() {
            }
        };
        assertTrue(cursor.hasNext());
        assertTrue(cursor.hasNext());
        assertEquals(1, made[0], "asking twice makes the item once");
        assertEquals("i0", cursor.next().id());
        assertEquals("i1", cursor.next().id());
        assertFalse(cursor.hasNext());
        assertThrows(NoSuchElementException.class, cursor::next);
        assertEquals(2, made[0]);
    }
}
