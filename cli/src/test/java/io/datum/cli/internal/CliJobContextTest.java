package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.spi.DatasetException;
import org.junit.jupiter.api.Test;

class CliJobContextTest {
    @Test
    void theThreadsPropertyBoundsTheJobsThreads() {
        assertEquals(0, CliJobContext.workers(null).bound(), "unset: no bound");
        assertEquals(0, CliJobContext.workers(" ").bound());
        assertEquals(1, CliJobContext.workers("1").bound());
        assertEquals(1, CliJobContext.workers("1").parallelism());
        assertEquals(4, CliJobContext.workers(" 4 ").bound());
    }

    @Test
    void aBadThreadsPropertyIsSaid() {
        for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
            DatasetException e = assertThrows(DatasetException.class, () -> CliJobContext.workers(bad));
            assertEquals("-Ddatum.threads must be a whole number of threads, at least 1, not '" + bad + "'", e.getMessage());
        }
    }
}
