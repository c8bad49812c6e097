package io.datum.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindedJobContextTest {
    @Test
    void aWarningGivenAsOneTextIsAKindWithTheEmptyDetail() {
        List<String> seen = new ArrayList<>();
        KindedJobContext context = new KindedJobContext() {
            @Override
            public void warn(String kind, String detail, long times) {
                seen.add(kind + "|" + detail + "|" + times);
            }

            @Override
            public void debug(String message) {
            }
        };
        context.warn("once");
        context.warn("counted", 3);
        context.warn("kind", "detail", 2);
        assertEquals(List.of("once||1", "counted||3", "kind|detail|2"), seen);
    }
}
