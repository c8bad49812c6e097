package io.datum.spi.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationsTest {
    enum Reader { SCANNER, LIBRARY }

    @interface Sample {
        int max_depth() default 64;

        long maxMaskPixels() default 0;

        boolean strict__mode() default false;

        String name$_$suffix() default "x";

        Reader reader() default Reader.SCANNER;
    }

    @Test
    void methodNamesReadTheirPropertiesAsTheComponentRuntimeNamesThem() {
        assertEquals("max.depth", Configurations.propertyName("max_depth"));
        assertEquals("strict_mode", Configurations.propertyName("strict__mode"));
        assertEquals("name-suffix", Configurations.propertyName("name$_$suffix"));
        assertEquals("a$b", Configurations.propertyName("a$$b"));
    }

    @Test
    void valuesAreConvertedAndAbsentOnesTakeTheirDefaults() {
        Sample s = Configurations.of(Sample.class, Map.of("max.depth", "12", "maxMaskPixels", 5, "strict_mode", "true",
                "name-suffix", "y", "reader", "LIBRARY"));
        assertEquals(12, s.max_depth());
        assertEquals(5L, s.maxMaskPixels());
        assertTrue(s.strict__mode());
        assertEquals("y", s.name$_$suffix());
        assertEquals(Reader.LIBRARY, s.reader());
        Sample defaults = Configurations.of(Sample.class, Map.of());
        assertEquals(64, defaults.max_depth());
        assertEquals(Reader.SCANNER, defaults.reader());
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.of(Sample.class, Map.of("max.depth", "deep")).max_depth());
        assertEquals("configuration: 'max.depth' is not an integer: deep", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Configurations.of(Sample.class, Map.of("reader", "fast")).reader());
        assertEquals("configuration: 'reader' is not one of [SCANNER, LIBRARY]: fast", e.getMessage());
    }
}
