package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WarningSummaryTest {
    private static final String UNDECLARED = "skipped undeclared attributes (pass --allow-undeclared-attrs)";

    /** A context as a verb makes it, printing to a buffer at {@code level}. */
    private static String printed(Log.Level level, Consumer<CliJobContext> warnings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CliJobContext context = new CliJobContext(new Log(err, level, new ProgressLine(err, false)), null);
        warnings.accept(context);
        context.flushWarnings();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> linesWith(String text, String level) {
        return Arrays.stream(text.split("\n")).filter(l -> l.contains(" " + level + ": ")).toList();
    }

    /** 600 labels, each with seven undeclared attributes, warned once per (label, attribute). */
    private static void manyLabels(CliJobContext context) {
        String[] attributes = {"score", "occluded", "truncated", "is_group_of", "is_depiction", "is_inside", "box_id"};
        for (int label = 0; label < 600; label++) {
            for (int a = 0; a < attributes.length; a++) {
                context.warn(UNDECLARED, attributes[a], 100 - a * 10 + (label % 3));
                context.debug("skipped undeclared attribute '" + attributes[a] + "' on label '/m/" + label + "'");
            }
        }
        for (int kind = 0; kind < 15; kind++) {
            context.warn("problem number " + kind);
        }
    }

    @Test
    void aDatasetWithManyLabelsAndKindsGivesAtMostTenLines() {
        List<String> warnings = linesWith(printed(Log.Level.INFO, WarningSummaryTest::manyLabels), "WARNING");
        assertEquals(10, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).endsWith("WARNING: " + UNDECLARED + ": score 60,600 times, occluded 54,600 times,"
                + " truncated 48,600 times, … 4 more (134,400 times)"), warnings.get(0));
        assertTrue(warnings.get(9).endsWith("WARNING: … 7 more kinds of warning (see --loglevel debug)"), warnings.get(9));
    }

    @Test
    void debugShowsEveryDetail() {
        String text = printed(Log.Level.DEBUG, WarningSummaryTest::manyLabels);
        List<String> debug = linesWith(text, "DEBUG");
        // 4,200 per-label lines from the format, then 7 + 15 counted details from the context
        assertEquals(4200 + 7 + 15, debug.size());
        assertTrue(text.contains("DEBUG: " + UNDECLARED + ": box_id: 24,600 times"), text);
        assertTrue(text.contains("DEBUG: problem number 14: 1 time"), text);
        assertEquals(10, linesWith(text, "WARNING").size());
    }

    @Test
    void aWarningWithoutDetailKeepsItsShape() {
        Map<String, Map<String, Long>> kinds = new LinkedHashMap<>();
        kinds.put("fake warning", Map.of("", 2L));
        kinds.put("once only", Map.of("", 1L));
        assertEquals(List.of("fake warning: 2 times", "once only"), WarningSummary.lines(kinds));
    }

    @Test
    void longDetailsAreCutAndCountsUseSeparators() {
        String label = "x".repeat(200);
        List<String> lines = WarningSummary.lines(Map.of("kind", Map.of(label, 1_234_567L)));
        assertEquals(List.of("kind: " + "x".repeat(WarningSummary.MAX_DETAIL_CHARS - 1) + "… 1,234,567 times"), lines);
    }
}
