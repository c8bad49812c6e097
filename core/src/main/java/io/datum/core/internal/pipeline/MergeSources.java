package io.datum.core.internal.pipeline;

import io.datum.api.DatasetInput;
import io.datum.api.MergeOptions;
import io.datum.model.AttributeSpec;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The merged source of opened datasets for a policy, and the label checks the policies share. */
final class MergeSources {
    private MergeSources() {
    }

    static DatasetSource open(List<DatasetSource> opened, List<DatasetInput> inputs, MergeOptions options,
                              JobContext context) {
        if (options.report() != null) {
            options.report().clear();
        }
        List<String> names = inputs.stream().map(DatasetInput::name).toList();
        return switch (options.policy()) {
            case UNION -> new UnionMergeSource(opened);
            case EXACT -> new ExactMergeSource(opened, names, context.tempDir(), KeyOrderedInputs.SORT_BUFFER);
            case INTERSECT -> new IntersectMergeSource(opened, names, options, context.tempDir(),
                    KeyOrderedInputs.SORT_BUFFER);
        };
    }

    /**
     * The labels of the {@code intersect} policy: the common list when all datasets have the same,
     * else united by name in order of first appearance, a label's parent taken from the first
     * dataset that gives one (two different parents are an error) and its attributes united.
     */
    static LabelCategories unitedLabels(List<LabelCategories> all) {
        boolean same = true;
        for (LabelCategories c : all) {
            same &= c.equals(all.get(0));
        }
        if (same) {
            return all.get(0);
        }
        Map<String, LabelCategory> labels = new LinkedHashMap<>();
        Set<AttributeSpec> common = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            all.get(i).commonAttributes().forEach(common::add);
            for (LabelCategory label : all.get(i).labels()) {
                LabelCategory known = labels.get(label.name());
                if (known == null) {
                    labels.put(label.name(), label);
                    continue;
                }
                if (known.equals(label)) {
                    continue;
                }
                String a = label.parent() == null ? "" : label.parent();
                String b = known.parent() == null ? "" : known.parent();
                if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
                    throw new DatasetException("Can't merge label category " + label.name() + " (from #" + i
                            + "): parent label conflict: " + a + " vs. " + b);
                }
                Set<AttributeSpec> attributes = new LinkedHashSet<>(known.attributes());
                attributes.addAll(label.attributes());
                labels.put(label.name(), new LabelCategory(known.name(), b.isEmpty() ? label.parent() : known.parent(),
                        new ArrayList<>(attributes), known.displayName()));
            }
        }
        return new LabelCategories(new ArrayList<>(labels.values()), new ArrayList<>(common));
    }

    /**
     * The labels of the {@code exact} policy: those of the datasets, which must all be the same
     * (names, order and parents) or empty.
     */
    static LabelCategories sameLabels(List<LabelCategories> all, List<String> names) {
        int first = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isEmpty()) {
                continue;
            }
            if (first < 0) {
                first = i;
            } else if (!sameNamesAndParents(all.get(first), all.get(i))) {
                throw new DatasetException("Merging of datasets with different categories is only allowed in 'merge' "
                        + "command. ('" + names.get(first) + "' and '" + names.get(i) + "' have different labels; "
                        + "use -m union or -m intersect)");
            }
        }
        return first < 0 ? all.get(0) : all.get(first);
    }

    private static boolean sameNamesAndParents(LabelCategories a, LabelCategories b) {
        if (!a.sameLabelsAs(b)) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(emptyIfNull(a.get(i).parent()), emptyIfNull(b.get(i).parent()))) {
                return false;
            }
        }
        return true;
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }
}
