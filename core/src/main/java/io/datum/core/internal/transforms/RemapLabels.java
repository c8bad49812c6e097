package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code remap_labels}: renames labels ({@code -l old:new}; several old labels renamed to one new
 * name are joined), deletes them ({@code -l name:}, or {@code --default delete} for every label not
 * mentioned) with their annotations, or keeps them. The new label list follows the old order, a
 * joined label at the place of its first old label, with the parent and attributes of that first
 * label; a parent that is no longer a label is dropped. Annotations without a label follow the
 * default action.
 */
@Component
@TransformName(name = RemapLabels.NAME, description = "Renames, joins or deletes labels and their annotations")
public class RemapLabels implements DatasetTransform {
    public static final String NAME = "remap_labels";
    private static final int DELETED = -1;

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Changes labels: renamed (and joined with an existing one) with '-l old:new', "
                        + "deleted with '-l name:' or by '--default delete' when not mentioned; the annotations of "
                        + "a deleted label are removed.")
                .repeated(List.of("-l", "--label"), "LABEL", "Label in the form of: '<src>:<dst>' (repeatable)")
                .value(List.of("--default"), "DEFAULT", "Action for unspecified labels (options: keep, delete; "
                        + "default: keep)", "keep");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        boolean keepOthers = switch (options.value("default")) {
            case "keep" -> true;
            case "delete" -> false;
            default -> throw options().error("argument --default: invalid choice: '" + options.value("default")
                    + "' (choose from 'keep', 'delete')");
        };
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : options.values("label")) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2) {
                throw options().error("argument -l/--label: invalid value: '" + pair + "' (expected '<src>:<dst>')");
            }
            mapping.put(parts[0], parts[1]);
        }
        LabelCategories from = source.categories().labels();
        int[] newIndex = new int[from.size()];
        List<LabelCategory> to = new ArrayList<>();
        Map<String, Integer> placed = new LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) {
            LabelCategory old = from.get(i);
            String target = mapping.containsKey(old.name()) ? mapping.get(old.name()) : keepOthers ? old.name() : "";
            if (target.isEmpty()) {
                newIndex[i] = DELETED;
                continue;
            }
            Integer at = placed.get(target);
            if (at == null) {
                at = to.size();
                placed.put(target, at);
                to.add(new LabelCategory(target, old.parent(), old.attributes()));
            }
            newIndex[i] = at;
            if (context.debugEnabled()) {
                context.debug("label #" + i + " '" + old.name() + "' -> #" + at + " '" + target + "'");
            }
        }
        for (int i = 0; i < to.size(); i++) {
            LabelCategory l = to.get(i);
            if (l.parent() != null && !l.parent().isEmpty() && !placed.containsKey(l.parent())) {
                to.set(i, l.withParent(""));
            }
        }
        Categories categories = new Categories(new LabelCategories(to, from.commonAttributes()));
        int[] same = new int[newIndex.length];
        Arrays.setAll(same, i -> i);
        // no item is dropped, so the item and subset counts of the source below still hold
        UnaryOperator<DatasetItem> change = keepOthers && Arrays.equals(same, newIndex)
                ? UnaryOperator.identity() : item -> remap(item, newIndex, keepOthers);
        return new ItemStage(source, categories, () -> change, ItemStage.Counts.SAME);
    }

    /** The item with its annotations remapped ({@code newIndex}); unlabelled ones kept or dropped. */
    private static DatasetItem remap(DatasetItem item, int[] newIndex, boolean keepUnlabelled) {
        List<Annotation> kept = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            Integer label = a instanceof Caption ? null : a.label();
            if (label == null) {
                if (keepUnlabelled) {
                    kept.add(a);
                }
                continue;
            }
            if (label < 0 || label >= newIndex.length) {
                throw new DatasetException("item '" + item.id() + "' (subset '" + item.subset()
                        + "'): annotation " + a.id() + " refers to label #" + label + ", but the dataset has "
                        + newIndex.length + " labels");
            }
            int to = newIndex[label];
            if (to != DELETED) {
                kept.add(to == label ? a : withLabel(a, to));
            }
        }
        return item.withAnnotations(kept);
    }

    /**
     * The annotation with its label moved through {@code newIndex} (old index to new, -1 for a
     * label dropped): itself when it has no label or its index stays, a copy with the new index,
     * or null when its label is dropped or outside the table.
     */
    static Annotation relabelled(Annotation a, int[] newIndex) {
        Integer label = a.label();
        if (label == null) {
            return a;
        }
        if (label < 0 || label >= newIndex.length || newIndex[label] < 0) {
            return null;
        }
        return newIndex[label] == label ? a : withLabel(a, newIndex[label]);
    }

    /** The annotation with another label index; the model's annotations are immutable records. */
    public static Annotation withLabel(Annotation a, int label) {
        if (a instanceof Label l) {
            return new Label(label, l.id(), l.group(), l.attributes());
        } else if (a instanceof Bbox b) {
            return new Bbox(label, b.x1(), b.y1(), b.x2(), b.y2(), b.id(), b.group(), b.zOrder(), b.attributes(), b.source());
        } else if (a instanceof Polygon p) {
            return new Polygon(label, p.points(), p.id(), p.group(), p.zOrder(), p.attributes());
        } else if (a instanceof PolyLine p) {
            return new PolyLine(label, p.points(), p.id(), p.group(), p.zOrder(), p.attributes());
        } else if (a instanceof Points p) {
            return new Points(label, p.points(), p.id(), p.group(), p.zOrder(), p.attributes());
        } else if (a instanceof Mask m) {
            return new Mask(label, m.data(), m.id(), m.group(), m.zOrder(), m.attributes());
        } else if (a instanceof Ellipse e) {
            return new Ellipse(label, e.x1(), e.y1(), e.x2(), e.y2(), e.id(), e.group(), e.zOrder(), e.attributes());
        }
        throw new IllegalArgumentException("an annotation without label: " + a.type());
    }
}
