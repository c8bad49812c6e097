package io.datum.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.support.stream.Workers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderJobContextTest {
    @Test
    void spillsIntoTheFolderKeepsTheDebugLinesInOrderAndDropsWarnings() {
        Path folder = Path.of("spill-here");
        FolderJobContext context = new FolderJobContext(folder);
        assertEquals(folder, context.tempDir());
        assertTrue(context.debugEnabled());
        context.debug("first");
        context.warn("dropped");
        context.debug("second");
        List<String> lines = context.debugLines();
        assertEquals(List.of("first", "second"), lines);
        context.debug("third");
        assertEquals(2, lines.size(), "a copy: later lines do not change what a test already holds");
        assertThrows(UnsupportedOperationException.class, () -> lines.add("x"));
    }

    @Test
    void theWorkersAndWhetherDebugIsEnabledAreTheOnesGiven() {
        Workers one = Workers.bounded(1);
        FolderJobContext context = new FolderJobContext(Path.of("x"), one, false);
        assertSame(one, context.workers());
        assertFalse(context.debugEnabled());
    }
}
