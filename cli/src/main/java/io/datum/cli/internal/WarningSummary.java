package io.datum.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warnings of a run as a person reads them: one line per kind of warning, with its most
 * frequent details and their counts, and never more than {@link #MAX_LINES} lines whatever the
 * dataset (decisions D11); what is left out is counted on the line ("… 597 more") and shown in
 * full by {@link #detailLines} at debug level.
 */
final class WarningSummary {
    static final int MAX_LINES = 10;
    /** Details named on a kind's line; the rest are counted. */
    static final int DETAILS_PER_LINE = 3;
    /** Longer details (a label name can be anything) are cut, so that a line stays a line. */
    static final int MAX_DETAIL_CHARS = 60;

    private WarningSummary() {
    }

    /** The summary lines of {@code kinds} (kind, then detail, with counts; an empty detail is none). */
    static List<String> lines(Map<String, Map<String, Long>> kinds) {
        List<String> lines = new ArrayList<>();
        int shown = kinds.size() <= MAX_LINES ? kinds.size() : MAX_LINES - 1;
        for (Map.Entry<String, Map<String, Long>> kind : kinds.entrySet()) {
            if (lines.size() == shown) {
                break;
            }
            lines.add(line(kind.getKey(), kind.getValue()));
        }
        if (shown < kinds.size()) {
            lines.add("… " + count(kinds.size() - shown) + " more kinds of warning (see --loglevel debug)");
        }
        return lines;
    }

    /** Every detail of every kind with its count, one line each: what the summary may leave out. */
    static List<String> detailLines(Map<String, Map<String, Long>> kinds) {
        List<String> lines = new ArrayList<>();
        kinds.forEach((kind, details) -> details.forEach((detail, times) ->
                lines.add((detail.isEmpty() ? kind : kind + ": " + detail) + ": " + times(times))));
        return lines;
    }

    private static String line(String kind, Map<String, Long> details) {
        if (details.size() == 1 && details.containsKey("")) {
            long times = details.get("");
            return times == 1 ? kind : kind + ": " + times(times);
        }
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(details.entrySet());
        // most frequent first; a stable sort keeps equal counts in order of first occurrence
        byCount.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder line = new StringBuilder(kind).append(": ");
        int named = Math.min(byCount.size(), DETAILS_PER_LINE);
        for (int i = 0; i < named; i++) {
            Map.Entry<String, Long> d = byCount.get(i);
            if (i > 0) {
                line.append(", ");
            }
            if (!d.getKey().isEmpty()) {
                line.append(cut(d.getKey())).append(' ');
            }
            line.append(times(d.getValue()));
        }
        if (named < byCount.size()) {
            long rest = 0;
            for (int i = named; i < byCount.size(); i++) {
                rest += byCount.get(i).getValue();
            }
            line.append(", … ").append(count(byCount.size() - named)).append(" more (").append(times(rest)).append(')');
        }
        return line.toString();
    }

    private static String cut(String detail) {
        return detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }

    static String times(long n) {
        return count(n) + (n == 1 ? " time" : " times");
    }

    /** A count with thousands separators, {@code 55,012}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
