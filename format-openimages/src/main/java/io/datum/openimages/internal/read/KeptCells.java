package io.datum.openimages.internal.read;

import io.datum.model.Attributes;
import io.datum.openimages.internal.csv.CsvTable;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of one row that Datum does not turn into model values of their own (Source,
 * XClick1X…XClick4Y, Clicks, the image description columns …) and the spelling of those it does
 * (Confidence {@code 1}, XMin {@code 0.012500}), as text exactly as read, by column name. They
 * become attributes of the same names, from which the writer gives each column back as read
 * ({@link ColumnsAsRead}). Read only when the export writes Open Images with
 * {@code --keep-columns}: other conversions never pay for them.
 */
public record KeptCells(List<String> names, List<String> values) {
    /** The cells of the current row of {@code table} in the kept columns. */
    static final class Reader {
        private final int[] keptColumns;
        private final List<String> names;

        /** Keeps the columns of the table's header that {@code columns} writes back as text. */
        Reader(CsvTable table, ColumnsAsRead columns) {
            List<String> header = table.header();
            int[] kept = new int[header.size()];
            String[] keptNames = new String[header.size()];
            int count = 0;
            for (int i = 0; i < header.size(); i++) {
                if (columns.keeps(header.get(i))) {
                    kept[count] = i;
                    keptNames[count++] = header.get(i);
                }
            }
            keptColumns = Arrays.copyOf(kept, count);
            names = List.of(Arrays.copyOf(keptNames, count));
        }

        /** The current row's kept cells; a cell the row is too short to have reads as empty. */
        KeptCells cells(CsvTable table) {
            String[] values = new String[keptColumns.length];
            for (int i = 0; i < keptColumns.length; i++) {
                String cell = table.get(keptColumns[i]);
                values[i] = cell == null ? "" : cell;
            }
            return new KeptCells(names, Arrays.asList(values));
        }
    }

    /** Adds the cells as attributes named by their columns. */
    Attributes.Builder addTo(Attributes.Builder attributes) {
        for (int i = 0; i < names.size(); i++) {
            attributes.put(names.get(i), values.get(i));
        }
        return attributes;
    }

    /** {@code attributes} with the cells of {@code kept} added; {@code attributes} itself when nothing was kept. */
    static Attributes added(KeptCells kept, Attributes attributes) {
        return kept == null ? attributes : kept.addTo(attributes.toBuilder()).build();
    }
}
