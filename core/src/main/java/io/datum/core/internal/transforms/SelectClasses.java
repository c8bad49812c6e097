package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Component;

/**
 * {@code select_classes}: keeps some classes of a dataset, as people cut Open Images down to the
 * classes they train on. Classes are named by label name (an Open Images MID) or display name;
 * {@code --subclasses} adds every descendant in the label hierarchy. The annotations of other
 * classes are removed, and so are the items left without an annotation of a selected class
 * (unless {@code --keep-empty}; a label of score 0, which says the class is absent, keeps no
 * item); {@code --max-per-class N} keeps an item only while one of the
 * classes named has fewer than N items kept (a descendant counts for the class it descends
 * from); {@code --ids FILE} keeps only the listed images. The label list shrinks to the selected
 * classes and their ancestors, in the old order, so that every kept label's parent is a label.
 * Items stream through: what is held is the label tables, the counts per class and the id list.
 */
@Component
@TransformName(name = SelectClasses.NAME, description = "Keeps some classes (and their subclasses), their annotations and images")
public class SelectClasses implements DatasetTransform {
    public static final String NAME = "select_classes";
    private static final String SCORE = "score";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Keeps the classes named, by label name or display name (case-insensitive), "
                        + "optionally with their subclasses; removes the annotations of other classes and the "
                        + "items left without any. The label list shrinks to the classes kept and their "
                        + "ancestors.")
                .repeated(List.of("-l", "--label"), "LABEL", "Class to keep: label name or display name (repeatable)")
                .flag("--subclasses", "Keep every descendant of the classes named in the label hierarchy "
                        + "(default: False)")
                .value(List.of("--max-per-class"), "N", "Keep an item only while one of the classes named has "
                        + "fewer than N items kept (default: no limit)")
                .value(List.of("--ids"), "FILE", "Keep only the images listed in FILE, one per line, as ID or "
                        + "SUBSET/ID")
                .flag("--keep-empty", "Keep the items left without annotations of the classes kept "
                        + "(default: False)");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        List<String> named = options.values("label");
        String idsFile = options.value("ids");
        if (named.isEmpty() && idsFile == null) {
            throw options().error("one of the arguments -l/--label --ids is required");
        }
        long maxPerClass = maxPerClass(options);
        LabelCategories from = source.categories().labels();
        // which classes named each label counts for: -1 for none (not selected)
        int[][] countsFor = named.isEmpty() ? null : countsFor(from, named, options.flag("subclasses"));
        ImageIdList ids = idsFile == null ? null : ImageIdList.read(Path.of(idsFile).toAbsolutePath());
        int[] newIndex = new int[from.size()];
        Categories categories = source.categories();
        if (countsFor != null) {
            categories = new Categories(shrunk(from, countsFor, newIndex));
        } else {
            Arrays.setAll(newIndex, i -> i);
        }
        boolean keepEmpty = named.isEmpty() || options.flag("keep-empty");
        int classes = named.size();
        return new ItemStage(source, categories,
                () -> select(newIndex, countsFor, classes, maxPerClass, keepEmpty, ids), ItemStage.Counts.UNKNOWN);
    }

    private long maxPerClass(ParsedOptions options) {
        String text = options.value("max-per-class");
        if (text == null) {
            return Long.MAX_VALUE;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw options().error("argument --max-per-class: expected a whole number of at least 1, got '" + text + "'");
    }

    /**
     * For each label, the classes named (positions in {@code named}) it counts for; null for a label
     * not selected. An unknown name is a usage error listing the names close to it.
     */
    private int[][] countsFor(LabelCategories labels, List<String> named, boolean subclasses) {
        ClassNames names = new ClassNames(labels);
        Map<String, List<Integer>> children = subclasses ? children(labels) : Map.of();
        List<BitSet> forClass = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            forClass.add(null);
        }
        for (int k = 0; k < named.size(); k++) {
            String name = named.get(k);
            List<Integer> found = names.find(name);
            if (found.isEmpty()) {
                List<String> close = names.closeTo(name);
                throw options().error("argument -l/--label: no class is named '" + name + "'"
                        + (close.isEmpty() ? "" : "; close matches: " + String.join(", ", close)));
            }
            ArrayDeque<Integer> pending = new ArrayDeque<>(found);
            BitSet visited = new BitSet();
            while (!pending.isEmpty()) {
                int label = pending.pop();
                if (visited.get(label)) {
                    continue;
                }
                visited.set(label);
                if (forClass.get(label) == null) {
                    forClass.set(label, new BitSet());
                }
                forClass.get(label).set(k);
                pending.addAll(children.getOrDefault(labels.get(label).name(), List.of()));
            }
        }
        int[][] result = new int[labels.size()][];
        for (int i = 0; i < result.length; i++) {
            BitSet b = forClass.get(i);
            result[i] = b == null ? null : b.stream().toArray();
        }
        return result;
    }

    private static Map<String, List<Integer>> children(LabelCategories labels) {
        Map<String, List<Integer>> children = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String parent = labels.get(i).parent();
            if (!parent.isEmpty()) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(i);
            }
        }
        return children;
    }

    /**
     * The selected labels and their ancestors, in the old order; {@code newIndex} gets each
     * selected label's new index and -1 for the others (an ancestor kept only for the hierarchy
     * keeps no annotation). A parent that is not a label is dropped.
     */
    private static LabelCategories shrunk(LabelCategories from, int[][] countsFor, int[] newIndex) {
        BitSet kept = new BitSet(from.size());
        for (int i = 0; i < from.size(); i++) {
            if (countsFor[i] == null) {
                continue;
            }
            for (int at = i; at >= 0 && !kept.get(at); ) {
                kept.set(at);
                String parent = from.get(at).parent();
                OptionalInt p = parent.isEmpty() ? OptionalInt.empty() : from.find(parent);
                at = p.isPresent() ? p.getAsInt() : -1;
            }
        }
        List<LabelCategory> to = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            newIndex[i] = -1;
            if (kept.get(i)) {
                LabelCategory c = from.get(i);
                if (countsFor[i] != null) {
                    newIndex[i] = to.size();
                }
                to.add(c.parent().isEmpty() || from.find(c.parent()).isPresent() ? c : c.withParent(""));
            }
        }
        return new LabelCategories(to, from.commonAttributes());
    }

    /** The per-pass function: counts start at zero on each pass, so every pass keeps the same items. */
    private static UnaryOperator<DatasetItem> select(int[] newIndex, int[][] countsFor, int classes, long maxPerClass,
                                                     boolean keepEmpty, ImageIdList ids) {
        long[] keptPerClass = new long[classes];
        BitSet itemClasses = new BitSet(classes);
        return item -> {
            if (ids != null && !ids.contains(item.subset(), item.id())) {
                return null;
            }
            if (countsFor == null) {
                return item;
            }
            List<Annotation> kept = new ArrayList<>(item.annotations().size());
            itemClasses.clear();
            for (Annotation a : item.annotations()) {
                Annotation moved = RemapLabels.relabelled(a, newIndex);
                if (moved == null) {
                    continue;
                }
                kept.add(moved);
                // a label kept has a new index only when it is selected, so it counts for some class
                Integer label = a.label();
                if (label != null && !verifiedAbsent(a)) {
                    for (int k : countsFor[label]) {
                        itemClasses.set(k);
                    }
                }
            }
            if (itemClasses.isEmpty() && !keepEmpty) {
                return null;
            }
            if (maxPerClass != Long.MAX_VALUE && !itemClasses.isEmpty()) {
                boolean room = false;
                for (int k = itemClasses.nextSetBit(0); k >= 0; k = itemClasses.nextSetBit(k + 1)) {
                    room |= keptPerClass[k] < maxPerClass;
                }
                if (!room) {
                    return null;
                }
                for (int k = itemClasses.nextSetBit(0); k >= 0; k = itemClasses.nextSetBit(k + 1)) {
                    keptPerClass[k]++;
                }
            }
            return kept.size() == item.annotations().size() && sameLabels(kept, item.annotations())
                    ? item : item.withAnnotations(kept);
        };
    }

    /**
     * A label with score 0: the class was checked and is not in the image (Open Images' negative
     * image labels). It stays with an item kept for another annotation, but keeps no item itself.
     */
    private static boolean verifiedAbsent(Annotation a) {
        return a.attributes().get(SCORE) instanceof Number score && score.doubleValue() == 0;
    }

    private static boolean sameLabels(List<Annotation> kept, List<Annotation> all) {
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i) != all.get(i)) {
                return false;
            }
        }
        return true;
    }
}
