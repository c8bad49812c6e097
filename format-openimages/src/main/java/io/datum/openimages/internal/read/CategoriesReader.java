package io.datum.openimages.internal.read;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.detect.NamePatterns;
import io.datum.openimages.internal.json.JsonDocument;
import io.datum.openimages.internal.json.JsonFiles;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Label categories of an Open Images dataset : from {@code dataset_meta.json} when the
 * root has one, else from the first class description file present plus the parents given by
 * {@code bbox_labels_600_hierarchy.json}.
 */
final class CategoriesReader {
    /** The categories and the file they came from (named in unknown-label errors). */
    record Result(Categories categories, String source) {
    }

    private CategoriesReader() {
    }

    static Result read(DatasetLayout layout) throws IOException {
        Path meta = layout.root().resolve(OpenImagesPaths.DATASET_META_FILE);
        if (Files.isRegularFile(meta)) {
            return new Result(new Categories(fromDatasetMeta(meta)), OpenImagesPaths.DATASET_META_FILE);
        }
        List<String> candidates = layout.matching(OpenImagesPaths.CLASS_DESCRIPTION_PATTERNS);
        if (candidates.isEmpty()) {
            throw new DatasetException("can't find a class description file: the annotation folder '"
                    + layout.root().relativize(layout.annotationDir()) + "' contains none of "
                    + String.join(", ", OpenImagesPaths.CLASS_DESCRIPTION_PATTERNS));
        }
        String name = candidates.get(0);
        List<LabelCategory> labels = classDescriptions(layout.file(name), name, false);
        if (layout.has(OpenImagesPaths.HIERARCHY_FILE)) {
            applyHierarchy(layout.file(OpenImagesPaths.HIERARCHY_FILE), labels);
        }
        return new Result(new Categories(new LabelCategories(labels, List.of())), name);
    }

    /**
     * The labels in file order, each with its DisplayName as read ("" when the row has none).
     * {@code anyName}: a file named by the user, which has a header when its first cell is
     * {@code LabelName}, whatever its name.
     */
    static List<LabelCategory> classDescriptions(Path file, String name, boolean anyName) throws IOException {
        // oidv6+ files have a header; the v5 names have none; Google's boxable v6/v7 file has
        // a header, recognised by its first cell (docs/differences.md, D18)
        boolean v6 = !anyName && NamePatterns.matches(OpenImagesPaths.V6_CLASS_DESCRIPTION_PATTERN, name);
        boolean boxable = anyName || NamePatterns.matches(OpenImagesPaths.BOXABLE_CLASS_DESCRIPTION_PATTERN, name);
        List<LabelCategory> labels = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try (CsvTable table = CsvTable.open(file, name, false)) {
            int column = 0;
            int displayColumn = 1;
            boolean first = true;
            while (table.next()) {
                if (first) {
                    first = false;
                    if (v6 || (boxable && OpenImagesPaths.LABEL_NAME.equals(table.get(0)))) {
                        column = headerColumn(table);
                        displayColumn = table.cells().indexOf(OpenImagesPaths.DISPLAY_NAME);
                        continue;
                    }
                }
                String label = table.get(column);
                if (label == null || label.isEmpty()) {
                    throw table.error("empty LabelName");
                }
                if (!seen.add(label)) {
                    throw table.error("label '" + label + "' is declared twice");
                }
                labels.add(new LabelCategory(label, "", List.of(), displayColumn < 0 ? "" : table.get(displayColumn)));
            }
        }
        return labels;
    }

    private static int headerColumn(CsvTable table) {
        int column = -1;
        List<String> header = table.cells();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(OpenImagesPaths.LABEL_NAME)) {
                column = i;
            }
        }
        if (column < 0) {
            throw table.error("missing column '" + OpenImagesPaths.LABEL_NAME + "' in the header");
        }
        return column;
    }

    /**
     * Parents from the hierarchy: only {@code Subcategory} links between two known labels count;
     * unknown nodes are walked through without giving a parent, and the last visit of a label wins.
     */
    private static void applyHierarchy(Path file, List<LabelCategory> labels) throws IOException {
        JsonDocument doc = JsonFiles.read(file, OpenImagesPaths.HIERARCHY_FILE);
        LabelCategories index = new LabelCategories(labels, List.of());
        String[] parents = new String[labels.size()];
        // Pre-order walk in document order; a child gets its parent when it is visited, as the
        // reference's recursion does, so that the last visit of a label decides its parent.
        record Visit(JsonObject node, int label, int parent) {
        }
        java.util.ArrayDeque<Visit> stack = new java.util.ArrayDeque<>();
        JsonObject rootNode = node(doc, doc.root(), doc.root());
        stack.push(new Visit(rootNode, find(index, labelName(doc, rootNode)), -1));
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            if (v.parent >= 0 && v.label >= 0) {
                parents[v.label] = labels.get(v.parent).name();
            }
            JsonElement children = v.node.get(OpenImagesPaths.SUBCATEGORY);
            if (children == null || children.isJsonNull()) {
                continue;
            }
            if (!children.isJsonArray()) {
                throw doc.error(children, "'" + OpenImagesPaths.SUBCATEGORY + "' of "
                        + v.node.get(OpenImagesPaths.LABEL_NAME) + " is not a list");
            }
            JsonArray list = children.getAsJsonArray();
            for (int i = list.size() - 1; i >= 0; i--) {
                JsonObject child = node(doc, list.get(i), list);
                stack.push(new Visit(child, find(index, labelName(doc, child)), v.label));
            }
        }
        for (int i = 0; i < parents.length; i++) {
            if (parents[i] != null) {
                labels.set(i, labels.get(i).withParent(parents[i]));
            }
        }
    }

    private static JsonObject node(JsonDocument doc, JsonElement e, JsonElement container) {
        if (!e.isJsonObject()) {
            throw doc.error(e, container, "a hierarchy node is not an object");
        }
        return e.getAsJsonObject();
    }

    /** The node's label name; a non-string name is an unknown label, a missing one an error. */
    private static String labelName(JsonDocument doc, JsonObject node) {
        JsonElement n = node.get(OpenImagesPaths.LABEL_NAME);
        if (n == null) {
            throw doc.error(node, "a hierarchy node has no '" + OpenImagesPaths.LABEL_NAME + "'");
        }
        return n.isJsonPrimitive() && n.getAsJsonPrimitive().isString() ? n.getAsString() : null;
    }

    private static int find(LabelCategories index, String name) {
        if (name == null) {
            return -1;
        }
        OptionalInt i = index.find(name);
        return i.isPresent() ? i.getAsInt() : -1;
    }

    /** Names from {@code labels}, then the values of {@code label_map} in key order, repeats merged. */
    private static LabelCategories fromDatasetMeta(Path file) throws IOException {
        JsonDocument doc = JsonFiles.read(file, OpenImagesPaths.DATASET_META_FILE);
        JsonElement root = doc.root();
        if (!root.isJsonObject()) {
            throw doc.error(root, "expected a JSON object");
        }
        Set<String> names = new LinkedHashSet<>();
        JsonElement labels = root.getAsJsonObject().get("labels");
        if (labels != null && !labels.isJsonNull()) {
            if (!labels.isJsonArray()) {
                throw doc.error(labels, "'labels' is not a list");
            }
            for (JsonElement e : labels.getAsJsonArray()) {
                names.add(metaLabelName(doc, e, labels, "labels"));
            }
        }
        JsonElement labelMap = root.getAsJsonObject().get("label_map");
        if (labelMap != null && !labelMap.isJsonNull()) {
            if (!labelMap.isJsonObject()) {
                throw doc.error(labelMap, "'label_map' is not an object");
            }
            for (Map.Entry<String, JsonElement> e : labelMap.getAsJsonObject().entrySet()) {
                names.add(metaLabelName(doc, e.getValue(), labelMap, "label_map"));
            }
        }
        List<LabelCategory> list = new ArrayList<>();
        for (String n : names) {
            list.add(new LabelCategory(n));
        }
        return new LabelCategories(list, List.of());
    }

    /** A label name of {@code labels} or {@code label_map}: a string, not empty. */
    private static String metaLabelName(JsonDocument doc, JsonElement e, JsonElement container, String key) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw doc.error(e, container, "'" + key + "' holds a label name that is not a string");
        }
        if (e.getAsString().isEmpty()) {
            throw doc.error(e, "empty label name");
        }
        return e.getAsString();
    }
}
