package io.datum.cli.internal;

import io.datum.api.TableComparison;
import io.datum.api.TableComparison.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code datum compare -m table} as the reference prints them: Python's
 * {@code tabulate} grid, every cell wrapped at 35 characters by {@code textwrap} (at spaces; a word
 * longer than that is cut), each line of a cell stripped and left-aligned, a column as wide as its
 * widest line or its header plus two, and one space of padding.
 */
final class CompareTables {
    private static final int WRAP = 35;
    private static final int HEADER_MARGIN = 2;

    private CompareTables() {
    }

    /** The three tables under their titles, as printed ({@code comparison}) or written ({@code Comparison}). */
    static String text(TableComparison t, String word) {
        return "High-level " + word + ":\n" + grid(List.of("Field", "First", "Second"), t.highLevel()) + "\n\n"
                + "Mid-level " + word + ":\n" + grid(List.of("Field", "First", "Second"), t.midLevel()) + "\n\n"
                + "Low-level " + word + ":\n" + grid(List.of("Field", "Value"), t.lowLevel()) + "\n\n";
    }

    /**
     * The report file's content: each level's rows as field to values, all but the first row of each
     * level, as the reference builds it.
     */
    static Map<String, Object> json(TableComparison t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("high_level", rows(t.highLevel()));
        out.put("mid_level", rows(t.midLevel()));
        out.put("low_level", rows(t.lowLevel()));
        return out;
    }

    private static Map<String, Object> rows(List<Row> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            out.put(row.field(), row.values());
        }
        return out;
    }

    static String grid(List<String> headers, List<Row> rows) {
        int columns = headers.size();
        List<List<List<String>>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<List<String>> wrapped = new ArrayList<>();
            wrapped.add(wrap(row.field()));
            for (String v : row.values()) {
                wrapped.add(wrap(v));
            }
            while (wrapped.size() < columns) {
                wrapped.add(List.of());
            }
            cells.add(wrapped);
        }
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = headers.get(c).length() + HEADER_MARGIN;
            for (List<List<String>> row : cells) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        rule(out, widths, '-');
        line(out, widths, headers);
        rule(out, widths, '=');
        for (List<List<String>> row : cells) {
            int height = 1;
            for (List<String> cell : row) {
                height = Math.max(height, cell.size());
            }
            for (int l = 0; l < height; l++) {
                List<String> parts = new ArrayList<>();
                for (List<String> cell : row) {
                    parts.add(l < cell.size() ? cell.get(l) : "");
                }
                line(out, widths, parts);
            }
            rule(out, widths, '-');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static void rule(StringBuilder out, int[] widths, char c) {
        out.append('+');
        for (int w : widths) {
            out.append(String.valueOf(c).repeat(w + 2)).append('+');
        }
        out.append('\n');
    }

    private static void line(StringBuilder out, int[] widths, List<String> parts) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String p = parts.get(c);
            out.append(' ').append(p).append(" ".repeat(widths[c] - p.length())).append(" |");
        }
        out.append('\n');
    }

    /**
     * {@code textwrap.wrap(text, 35)} for text of words and spaces: words fill a line while they fit,
     * the spaces between lines dropped, a word longer than a line cut; each line then stripped.
     */
    static List<String> wrap(String text) {
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            boolean space = Character.isWhitespace(text.charAt(i));
            while (j < text.length() && Character.isWhitespace(text.charAt(j)) == space) {
                j++;
            }
            chunks.add(space ? " ".repeat(j - i) : text.substring(i, j));
            i = j;
        }
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < chunks.size()) {
            StringBuilder line = new StringBuilder();
            if (!lines.isEmpty() && chunks.get(at).isBlank()) {
                at++;
            }
            while (at < chunks.size() && line.length() + chunks.get(at).length() <= WRAP) {
                line.append(chunks.get(at++));
            }
            if (at < chunks.size() && line.length() == 0) {
                String word = chunks.get(at);
                line.append(word, 0, WRAP);
                chunks.set(at, word.substring(WRAP));
            }
            if (line.length() > 0 || at < chunks.size()) {
                lines.add(line.toString().strip());
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
