package io.datum.cli.internal;

import io.datum.model.DatasetItem;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code datum dinfo}: item counts per subset and the label list, in one streaming pass (datum-cli.md §9.1). */
final class DatasetInfo {
    private DatasetInfo() {
    }

    static void print(DatasetSource source, boolean allLabels, PrintStream out) {
        Map<String, Long> subsets = new LinkedHashMap<>();
        long total = 0;
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                subsets.merge(item.subset(), 1L, Long::sum);
                total++;
            }
        }
        List<LabelCategory> labels = source.categories().labels().labels();
        String kinds = labels.isEmpty() ? "" : "label";
        out.println("length: " + total);
        out.println("categories: " + kinds);
        printLabels(labels, allLabels, "  ", out);
        out.println("subsets: " + String.join(", ", subsets.keySet()));
        for (Map.Entry<String, Long> s : subsets.entrySet()) {
            out.println("  '" + s.getKey() + "':");
            out.println("    length: " + s.getValue());
            out.println("    categories: " + kinds);
            printLabels(labels, allLabels, "      ", out);
        }
    }

    private static void printLabels(List<LabelCategory> labels, boolean all, String indent, PrintStream out) {
        if (labels.isEmpty()) {
            return;
        }
        int shown = all ? labels.size() : Math.min(10, labels.size());
        String names = labels.subList(0, shown).stream().map(LabelCategory::name).collect(Collectors.joining(", "));
        if (shown < labels.size()) {
            names += " ... (and " + (labels.size() - shown) + " more)";
        }
        out.println(indent + "label:");
        out.println(indent + "  count: " + labels.size());
        out.println(indent + "  labels: " + names);
    }
}
