package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The items of the image description file(s), in file order: each row's ImageID and
 * Subset, checked, added to the catalog. A million rows: ids go from the CSV buffer into the
 * catalog as bytes, and the few subset names are decoded once each.
 */
final class ItemDescriptions {
    private final ItemCatalog catalog;
    /** Subset names met so far (already checked), with their bytes. */
    private final List<byte[]> subsetBytes = new ArrayList<>();
    private final List<String> subsetNames = new ArrayList<>();

    private ItemDescriptions(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    /** The description files read, in reading order: the full file alone when present, else the subsets' files. */
    static List<String> fileNames(DatasetLayout layout) {
        return layout.has(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE)
                ? List.of(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE)
                : layout.matching(OpenImagesPaths.SUBSET_IMAGE_DESCRIPTION_PATTERNS);
    }

    static void read(DatasetLayout layout, ItemCatalog catalog) throws IOException {
        ItemDescriptions reader = new ItemDescriptions(catalog);
        for (String name : fileNames(layout)) {
            try (CsvTable table = CsvTable.open(layout.file(name), name, true)) {
                reader.read(table);
            }
        }
    }

    private void read(CsvTable table) throws IOException {
        int idColumn = -1;
        int subsetColumn = -1;
        while (table.next()) {
            if (idColumn < 0) {
                idColumn = table.requireColumn(OpenImagesPaths.IMAGE_ID);
                subsetColumn = table.requireColumn(OpenImagesPaths.SUBSET);
            }
            table.requirePresent(idColumn, OpenImagesPaths.IMAGE_ID);
            byte[] buffer = table.buffer();
            int from = table.start(idColumn);
            int to = table.end(idColumn);
            if (!FolderPaths.isSafeName(buffer, from, to)) {
                throw table.error("unsafe ImageID '" + table.get(idColumn) + "' (empty, absolute, or with '..', '\\' or NUL)");
            }
            table.requirePresent(subsetColumn, OpenImagesPaths.SUBSET);
            String subset = subset(table, idColumn, subsetColumn);
            int position = catalog.addNew(buffer, from, to, subset);
            if (position < 0) {
                throw table.error("item '" + table.get(idColumn) + "' is repeated (already listed in subset '"
                        + catalog.subset(-position - 1) + "')");
            }
        }
    }

    /** The row's subset name, checked to be a safe folder name when first met. */
    private String subset(CsvTable table, int idColumn, int subsetColumn) {
        byte[] buffer = table.buffer();
        int from = table.start(subsetColumn);
        int to = table.end(subsetColumn);
        for (int i = 0; i < subsetBytes.size(); i++) {
            byte[] known = subsetBytes.get(i);
            if (Arrays.equals(buffer, from, to, known, 0, known.length)) {
                return subsetNames.get(i);
            }
        }
        String subset = new String(buffer, from, to - from, StandardCharsets.UTF_8);
        if (!FolderPaths.isSingleName(subset)) {
            throw table.error("item '" + table.get(idColumn) + "' has an unsupported subset name '" + subset + "'");
        }
        subsetBytes.add(Arrays.copyOfRange(buffer, from, to));
        subsetNames.add(subset);
        return subset;
    }
}
