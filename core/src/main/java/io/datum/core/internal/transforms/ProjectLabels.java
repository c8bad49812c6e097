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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code project_labels}: the label list becomes exactly the {@code -l} names, in their order. A
 * name the dataset had keeps its parent (when the parent is kept too) and attributes; a new name
 * is a plain label. Annotations of labels not in the list are removed; annotations without a
 * label stay.
 */
@Component
@TransformName(name = ProjectLabels.NAME, description = "Sets the label list exactly, removing the annotations of other labels")
public class ProjectLabels implements DatasetTransform {
    public static final String NAME = "project_labels";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Changes the order of labels in the dataset from the existing to the desired one, "
                        + "removes unknown labels and adds new labels. Updates or removes the corresponding "
                        + "annotations.")
                .repeated(List.of("-l", "--label"), "DST_LABELS", "Label name (repeatable, ordered)");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        List<String> wanted = options.values("label");
        Set<String> distinct = new HashSet<>();
        for (String name : wanted) {
            if (!distinct.add(name)) {
                throw options().error("argument -l/--label: label '" + name + "' is given twice");
            }
        }
        LabelCategories from = source.categories().labels();
        List<LabelCategory> to = new ArrayList<>();
        for (String name : wanted) {
            var old = from.find(name);
            if (old.isEmpty()) {
                to.add(new LabelCategory(name, "", List.of()));
                continue;
            }
            LabelCategory kept = from.get(old.getAsInt());
            String parent = kept.parent() != null && distinct.contains(kept.parent()) ? kept.parent() : "";
            to.add(kept.withParent(parent));
        }
        int[] newIndex = new int[from.size()];
        for (int i = 0; i < from.size(); i++) {
            newIndex[i] = wanted.indexOf(from.get(i).name());
        }
        Categories categories = new Categories(new LabelCategories(to, from.commonAttributes()));
        return new ItemStage(source, categories, () -> item -> project(item, newIndex), ItemStage.Counts.SAME);
    }

    /** The item with each annotation moved to its label's new index, those of dropped labels (-1) removed. */
    static DatasetItem project(DatasetItem item, int[] newIndex) {
        List<Annotation> kept = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            Annotation moved = RemapLabels.relabelled(a, newIndex);
            if (moved != null) {
                kept.add(moved);
            }
        }
        return item.withAnnotations(kept);
    }
}
