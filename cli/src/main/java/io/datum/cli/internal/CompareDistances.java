package io.datum.cli.internal;

import io.datum.api.DatasetComparison;
import io.datum.api.DatasetComparison.ItemRef;
import io.datum.api.DistanceComparison;
import io.datum.api.DistanceComparison.ItemLabels;
import io.datum.api.DistanceComparison.KindMatches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code datum compare -m distance}: the reference's printed lines (different item
 * counts, labels only one dataset declares, the items only in one as a Python set), a line per kind
 * of annotation with how its annotations matched, the reference's {@code label_diff.txt}, and
 * {@code distance_compare.json}, which holds in numbers the confusion tables the reference draws.
 */
final class CompareDistances {
    private CompareDistances() {
    }

    static String text(DatasetComparison c) {
        DistanceComparison d = c.distance();
        StringBuilder out = new StringBuilder();
        if (c.firstItems() != c.secondItems()) {
            out.append("Datasets have different lengths: ").append(c.firstItems()).append(" vs ")
                    .append(c.secondItems()).append('\n');
        }
        if (!d.labelsOnlyInFirst().isEmpty() || !d.labelsOnlyInSecond().isEmpty()) {
            out.append("Datasets have mismatching labels:\n");
        }
        int index = 0;
        for (String label : d.labelsOnlyInFirst()) {
            out.append(" #").append(index++).append(": > ").append(label).append('\n');
        }
        for (String label : d.labelsOnlyInSecond()) {
            out.append(" #").append(index++).append(": < ").append(label).append('\n');
        }
        if (!c.onlyInFirst().isEmpty()) {
            out.append("Unmatched items in the first dataset: \n").append(pythonSet(c.onlyInFirst())).append('\n');
        }
        if (!c.onlyInSecond().isEmpty()) {
            out.append("Unmatched items in the second dataset: \n").append(pythonSet(c.onlyInSecond())).append('\n');
        }
        for (KindMatches k : d.kinds()) {
            out.append(k.kind()).append(": ").append(k.matched()).append(" matched, ");
            if (!k.kind().equals("label")) {
                out.append(k.mislabelled()).append(" with another label, ");
            }
            out.append(k.onlyInFirst()).append(" only in the first, ").append(k.onlyInSecond())
                    .append(" only in the second\n");
        }
        return out.toString();
    }

    /** One line for the shell. */
    static String summary(DatasetComparison c) {
        long matched = 0;
        long other = 0;
        for (KindMatches k : c.distance().kinds()) {
            matched += k.matched();
            other += k.mislabelled() + k.onlyInFirst() + k.onlyInSecond();
        }
        return "distance comparison of " + c.firstItems() + " and " + c.secondItems() + " items: " + matched
                + " annotations matched, " + other + " not";
    }

    /** The reference's {@code label_diff.txt}: per item, its id, then {@code  >label} and {@code  <label} lines. */
    static String labelDiff(DistanceComparison d) {
        StringBuilder out = new StringBuilder();
        for (ItemLabels item : d.itemLabels()) {
            out.append(item.id()).append('\n');
            item.onlyInFirst().forEach(l -> out.append("  >").append(l).append('\n'));
            item.onlyInSecond().forEach(l -> out.append("  <").append(l).append('\n'));
        }
        return out.toString();
    }

    static Map<String, Object> json(DatasetComparison c) {
        DistanceComparison d = c.distance();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("a_extra_items", refs(c.onlyInFirst()));
        out.put("b_extra_items", refs(c.onlyInSecond()));
        out.put("a_extra_labels", d.labelsOnlyInFirst());
        out.put("b_extra_labels", d.labelsOnlyInSecond());
        for (KindMatches k : d.kinds()) {
            Map<String, Object> kind = new LinkedHashMap<>();
            kind.put("matched", k.matched());
            kind.put("mislabelled", k.mislabelled());
            kind.put("a_unmatched", k.onlyInFirst());
            kind.put("b_unmatched", k.onlyInSecond());
            kind.put("confusion", k.confusion().stream()
                    .map(cell -> (Object) List.of(cell.first(), cell.second(), cell.count())).toList());
            out.put(k.kind(), kind);
        }
        return out;
    }

    private static List<Object> refs(List<ItemRef> items) {
        List<Object> out = new ArrayList<>();
        items.forEach(i -> out.add(List.of(i.id(), i.subset())));
        return out;
    }

    /** The items as Python prints a set of (id, subset) tuples. */
    static String pythonSet(List<ItemRef> items) {
        StringBuilder out = new StringBuilder("{");
        for (ItemRef item : items) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('(').append(pythonRepr(item.id())).append(", ").append(pythonRepr(item.subset())).append(')');
        }
        return out.append('}').toString();
    }

    /** Python's {@code repr} of a string: single quotes unless it holds one and no double quote. */
    static String pythonRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch == quote) {
                        out.append('\\');
                    }
                    if (ch < 0x20 || ch == 0x7f) {
                        out.append(String.format("\\x%02x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }
}
