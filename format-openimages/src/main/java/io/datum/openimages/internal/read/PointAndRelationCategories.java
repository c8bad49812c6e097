package io.datum.openimages.internal.read;

import io.datum.model.AttributeSpec;
import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What point labels and relationships add to a dataset's categories: the attribute MIDs of
 * {@code oidv6-attributes-description.csv} (no header: MID, display name), which relationships
 * use as their second label, become labels after the classes; and the attributes of point labels
 * and relation ends are declared for every label, so that formats that declare attributes (CVAT)
 * keep them. A dataset with neither file kind keeps its categories as they are.
 */
final class PointAndRelationCategories {
    static final List<String> ATTRIBUTE_DESCRIPTION_PATTERNS = List.of("oidv*-attributes-description.csv");

    private PointAndRelationCategories() {
    }

    static CategoriesReader.Result extend(CategoriesReader.Result read, DatasetLayout layout) throws IOException {
        boolean points = !layout.matching(PointLabelFile.PATTERNS).isEmpty();
        boolean relations = !layout.matching(RelationshipFile.PATTERNS).isEmpty();
        if (!points && !relations) {
            return read;
        }
        LabelCategories labels = read.categories().labels();
        List<LabelCategory> all = new ArrayList<>(labels.labels());
        List<AttributeSpec> common = new ArrayList<>(labels.commonAttributes());
        String source = read.source();
        if (relations) {
            List<String> files = layout.matching(ATTRIBUTE_DESCRIPTION_PATTERNS);
            Set<String> known = new HashSet<>();
            for (LabelCategory c : all) {
                known.add(c.name());
            }
            for (String name : files) {
                try (CsvTable table = CsvTable.open(layout.file(name), name, false)) {
                    while (table.next()) {
                        String mid = table.get(0);
                        if (mid == null || mid.isEmpty()) {
                            throw table.error("empty attribute MID");
                        }
                        if (known.add(mid)) {
                            all.add(new LabelCategory(mid));
                        }
                    }
                }
            }
            if (!files.isEmpty()) {
                source = source + " or " + String.join(", ", files);
            }
            addAll(common, RelationshipFile.ATTRIBUTES);
        }
        if (points) {
            addAll(common, PointLabelFile.ATTRIBUTES);
        }
        return new CategoriesReader.Result(new Categories(new LabelCategories(all, common)), source);
    }

    private static void addAll(List<AttributeSpec> common, List<AttributeSpec> more) {
        for (AttributeSpec a : more) {
            if (common.stream().noneMatch(c -> c.name().equals(a.name()))) {
                common.add(a);
            }
        }
    }
}
