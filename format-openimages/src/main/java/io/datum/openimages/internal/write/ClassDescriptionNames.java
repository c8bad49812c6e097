package io.datum.openimages.internal.write;

import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.openimages.internal.read.ClassDescriptionFile;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ForwardingSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --class-descriptions FILE}: labels named by display name (a CVAT task written with
 * {@code --label-names display}, or labelled by hand) get their Open Images MIDs back from a class
 * description file. A label named by a MID of the file keeps it; a label named by a display name
 * of the file becomes that MID and keeps the name as its display name; parents are renamed
 * alike. A display name that two MIDs of the file share is an error naming both; labels the file
 * does not know keep their names, with one warning. Annotations refer to labels by position, so
 * only the categories change.
 */
final class ClassDescriptionNames extends ForwardingSource {
    static final String WARN_UNKNOWN = "Labels not in the class descriptions keep their names";

    private final Categories categories;

    private ClassDescriptionNames(DatasetSource source, Categories categories) {
        super(source);
        this.categories = categories;
    }

    static DatasetSource of(DatasetSource source, Path file, JobContext context) throws IOException {
        String shown = file.toString();
        List<LabelCategory> described = ClassDescriptionFile.read(file, shown);
        Map<String, String> displayOf = new HashMap<>();
        Map<String, List<String>> midsOf = new HashMap<>();
        for (LabelCategory c : described) {
            displayOf.put(c.name(), c.displayName());
            if (!c.displayName().isEmpty()) {
                midsOf.computeIfAbsent(c.displayName(), d -> new ArrayList<>(1)).add(c.name());
            }
        }
        LabelCategories from = source.categories().labels();
        Map<String, String> renamed = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (LabelCategory c : from.labels()) {
            String mid = c.name();
            if (!displayOf.containsKey(c.name())) {
                List<String> mids = midsOf.get(c.name());
                if (mids == null) {
                    unknown.add(c.name());
                } else if (mids.size() > 1) {
                    throw new DatasetException(shown + ": the display name '" + c.name() + "' of a label is the "
                            + "display name of " + String.join(" and ", mids) + ": can't tell which MID it is");
                } else {
                    mid = mids.get(0);
                }
            }
            if (!taken.add(mid)) {
                throw new DatasetException(shown + ": two labels would both become '" + mid + "'");
            }
            renamed.put(c.name(), mid);
        }
        for (String name : unknown) {
            context.warn(WARN_UNKNOWN, name, 1);
        }
        List<LabelCategory> to = new ArrayList<>(from.size());
        for (LabelCategory c : from.labels()) {
            String mid = renamed.get(c.name());
            // a label renamed to its MID keeps the name it had as display name
            String display = !c.displayName().isEmpty() ? c.displayName()
                    : mid.equals(c.name()) ? displayOf.getOrDefault(mid, "") : c.name();
            String parent = c.parent().isEmpty() ? "" : renamed.getOrDefault(c.parent(), c.parent());
            to.add(new LabelCategory(mid, parent, c.attributes(), display));
        }
        return new ClassDescriptionNames(source, new Categories(new LabelCategories(to, from.commonAttributes())));
    }

    @Override
    public Categories categories() {
        return categories;
    }
}
