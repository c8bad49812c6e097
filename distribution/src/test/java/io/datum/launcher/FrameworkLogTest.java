package io.datum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceListener;

/** What Felix reports about a misbehaving bundle reaches the user as one warning line, never a stack trace. */
class FrameworkLogTest {
    @Test
    void anErrorTheFrameworkLogsIsOneWarningLineWithoutAStackTrace() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (FelixRuntime felix = FelixRuntime.start(Map.of("felix.log.level", "1"), err)) {
            // Felix catches what a listener throws and logs it as an error, with the exception
            ServiceListener failing = event -> {
                throw new IllegalStateException("listener bug");
            };
            felix.context().addServiceListener(failing);
            felix.context().registerService(Runnable.class, () -> { }, null);
            felix.context().removeServiceListener(failing);
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("datum: warning: OSGi framework: ")
                && lines.get(0).contains("java.lang.IllegalStateException: listener bug"), lines::toString);
    }
}
