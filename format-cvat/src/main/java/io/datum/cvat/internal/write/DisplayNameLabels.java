package io.datum.cvat.internal.write;

import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ForwardingSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --label-names display}: the dataset with each label named by its display name when it
 * has one (Open Images' {@code Dog} instead of {@code /m/0bt9lr}), parents renamed alike, so that
 * a CVAT task shows names people read. Annotations refer to labels by position, so only the
 * categories change. Two labels that would get one name are an error naming both: CVAT labels are
 * told apart by name.
 */
final class DisplayNameLabels extends ForwardingSource {
    static final String OPTION = "label-names";
    static final String BY_NAME = "name";
    static final String BY_DISPLAY_NAME = "display";

    private final Categories categories;

    private DisplayNameLabels(DatasetSource source, Categories categories) {
        super(source);
        this.categories = categories;
    }

    /** {@code source} itself when no label has a display name. */
    static DatasetSource of(DatasetSource source) {
        LabelCategories from = source.categories().labels();
        Map<String, String> renamed = new HashMap<>();
        Map<String, String> owner = new HashMap<>();
        boolean any = false;
        for (LabelCategory c : from.labels()) {
            String shown = c.displayName().isEmpty() ? c.name() : c.displayName();
            any |= !shown.equals(c.name());
            String before = owner.putIfAbsent(shown, c.name());
            if (before != null) {
                throw new DatasetException("--" + OPTION + " " + BY_DISPLAY_NAME + ": labels '" + before + "' and '"
                        + c.name() + "' would both be named '" + shown + "' (keep one of them, e.g. with the "
                        + "select_classes or remap_labels transform, or write label names)");
            }
            renamed.put(c.name(), shown);
        }
        if (!any) {
            return source;
        }
        List<LabelCategory> to = new ArrayList<>(from.size());
        for (LabelCategory c : from.labels()) {
            String parent = c.parent().isEmpty() ? "" : renamed.getOrDefault(c.parent(), c.parent());
            to.add(new LabelCategory(renamed.get(c.name()), parent, c.attributes(), c.displayName()));
        }
        return new DisplayNameLabels(source, new Categories(new LabelCategories(to, from.commonAttributes())));
    }

    @Override
    public Categories categories() {
        return categories;
    }
}
