package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Caption;
import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.ForwardingSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import org.osgi.service.component.annotations.Component;

/**
 * {@code remove_unused_labels}: the declared labels shrink to those an annotation uses, plus their
 * ancestors so that every kept label's parent is still declared, in their old order. Which labels
 * are used is only known after reading every item, so the first call that needs the categories
 * reads the source once, keeping one bit per label; the items then stream as before, their label
 * indices moved to the shorter list. The dataset is read once more than without this stage.
 */
@Component
@TransformName(name = RemoveUnusedLabels.NAME, description = "Keeps only the labels annotations use (and their ancestors)")
public class RemoveUnusedLabels implements DatasetTransform {
    public static final String NAME = "remove_unused_labels";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME).description("Removes the labels that no annotation uses from the label "
                + "list, keeping the ancestors of the used ones; reads the dataset once more to find them.");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return new UsedLabelsOnly(source);
    }

    /** The source with its labels cut to the used ones, found on first need. */
    private static final class UsedLabelsOnly extends ForwardingSource {
        private ItemStage cut;

        UsedLabelsOnly(DatasetSource source) {
            super(source);
        }

        @Override
        public Categories categories() {
            return cut().categories();
        }

        @Override
        public ItemCursor items() {
            return cut().items();
        }

        private synchronized ItemStage cut() {
            if (cut == null) {
                LabelCategories labels = source.categories().labels();
                BitSet kept = withAncestors(used(source, labels.size()), labels);
                int[] newIndex = new int[labels.size()];
                List<LabelCategory> list = new ArrayList<>();
                for (int i = 0; i < labels.size(); i++) {
                    newIndex[i] = kept.get(i) ? list.size() : -1;
                    if (kept.get(i)) {
                        list.add(labels.get(i));
                    }
                }
                Categories categories = new Categories(new LabelCategories(list, labels.commonAttributes()));
                cut = new ItemStage(source, categories, () -> item -> ProjectLabels.project(item, newIndex),
                        ItemStage.Counts.SAME);
            }
            return cut;
        }
    }

    /** The label indices some annotation of {@code source} refers to. */
    static BitSet used(DatasetSource source, int labelCount) {
        BitSet used = new BitSet(labelCount);
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                for (Annotation a : items.next().annotations()) {
                    Integer label = a instanceof Caption ? null : a.label();
                    if (label != null && label >= 0 && label < labelCount) {
                        used.set(label);
                    }
                }
            }
        }
        return used;
    }

    /** {@code used} and every ancestor of a used label, by parent name (a loop of parents ends). */
    static BitSet withAncestors(BitSet used, LabelCategories labels) {
        BitSet all = (BitSet) used.clone();
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            String parent = labels.get(i).parent();
            while (!parent.isEmpty()) {
                OptionalInt p = labels.find(parent);
                if (p.isEmpty() || all.get(p.getAsInt())) {
                    break;
                }
                all.set(p.getAsInt());
                parent = labels.get(p.getAsInt()).parent();
            }
        }
        return all;
    }
}
