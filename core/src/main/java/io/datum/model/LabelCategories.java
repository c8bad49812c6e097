package io.datum.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The ordered list of labels of a dataset plus the attributes declared for every label
 * (category-wide, such as CVAT's {@code occluded}). Annotations refer to labels by index.
 */
public final class LabelCategories {
    private static final LabelCategories EMPTY = new LabelCategories(List.of(), List.of());

    private final List<LabelCategory> labels;
    private final List<AttributeSpec> commonAttributes;
    private final Map<String, Integer> indexByName;

    public LabelCategories(List<LabelCategory> labels, List<AttributeSpec> commonAttributes) {
        this.labels = List.copyOf(labels);
        this.commonAttributes = List.copyOf(commonAttributes);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.labels.size(); i++) {
            if (index.putIfAbsent(this.labels.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate label '" + this.labels.get(i).name() + "'");
            }
        }
        this.indexByName = index;
    }

    public static LabelCategories empty() {
        return EMPTY;
    }

    /** Labels without parents or attributes, in the given order. */
    public static LabelCategories ofNames(String... names) {
        List<LabelCategory> list = new ArrayList<>();
        for (String n : names) {
            list.add(new LabelCategory(n));
        }
        return new LabelCategories(list, List.of());
    }

    public List<LabelCategory> labels() {
        return labels;
    }

    public List<AttributeSpec> commonAttributes() {
        return commonAttributes;
    }

    public int size() {
        return labels.size();
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    public LabelCategory get(int index) {
        return labels.get(index);
    }

    public OptionalInt find(String name) {
        Integer i = indexByName.get(name);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The names of the attributes a label declares plus the category-wide ones, label's own first. */
    public List<String> attributeNames(int labelIndex) {
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        for (AttributeSpec a : labels.get(labelIndex).attributes()) {
            names.put(a.name(), true);
        }
        for (AttributeSpec a : commonAttributes) {
            names.put(a.name(), true);
        }
        return List.copyOf(names.keySet());
    }

    /** Same labels in the same order with the same parents (attributes are not compared). */
    public boolean sameLabelsAs(LabelCategories other) {
        if (other.labels.size() != labels.size()) {
            return false;
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!labels.get(i).name().equals(other.labels.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelCategories c && labels.equals(c.labels) && commonAttributes.equals(c.commonAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, commonAttributes);
    }

    @Override
    public String toString() {
        return "LabelCategories" + labels + (commonAttributes.isEmpty() ? "" : " common " + commonAttributes);
    }
}
