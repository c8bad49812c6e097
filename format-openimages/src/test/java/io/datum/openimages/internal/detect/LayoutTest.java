package io.datum.openimages.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import io.datum.model.LabelCategory;
import io.datum.openimages.internal.Fixtures;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where files are looked for: Google's boxable names (docs/differences.md, D18), the flat layout,
 * image files in any folder under {@code images/}.
 */
class LayoutTest {
    @TempDir
    Path temp;

    @Test
    void readsGooglesBoxableFileNames() throws IOException {
        Path root = temp.resolve("boxable");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("oidv7-class-descriptions-boxable.csv"), "LabelName,DisplayName", "/m/a,A", "/m/b,B");
        Fixtures.text(ann.resolve("class-descriptions.csv"), "/m/ignored,Ignored");
        Fixtures.text(ann.resolve("train-images-boxable-with-rotation.csv"), "ImageID,Subset", "i1,train");
        Fixtures.text(ann.resolve("train-annotations-human-imagelabels-boxable.csv"), "ImageID,Source,LabelName,Confidence",
                "i1,x,/m/b,1");
        assertEquals(Confidence.MEDIUM, new OpenImagesDetector().detect(root).confidence());
        try (DatasetSource source = Fixtures.importFrom(root)) {
            assertEquals(List.of("/m/a", "/m/b"), source.categories().labels().labels().stream()
                    .map(LabelCategory::name).collect(Collectors.toList()));
            List<DatasetItem> items = Fixtures.items(source);
            assertEquals(1, items.size());
            assertEquals(1, items.get(0).annotations().get(0).label());
        }
    }

    @Test
    void recognisesAHeaderlessBoxableFile() throws IOException {
        Path root = temp.resolve("headerless");
        Fixtures.text(root.resolve("oidv6-class-descriptions-boxable.csv"), "/m/a,A");
        Fixtures.text(root.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "i1,train");
        try (DatasetSource source = Fixtures.importFrom(root)) {
            assertEquals("/m/a", source.categories().labels().get(0).name());
        }
    }

    @Test
    void findsImagesUnderAnyFirstFolder() throws IOException {
        Path root = temp.resolve("images");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("class-descriptions.csv"), "/m/a,A");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "a,train", "b,train", "c/d,test",
                "e,test", "f,test");
        Fixtures.image(root.resolve("images/whatever/a.JPG"), 2, 1, 0);
        Fixtures.image(root.resolve("images/x/b.png"), 3, 1, 0);
        Fixtures.image(root.resolve("images/y/b.png"), 4, 1, 0);
        Fixtures.image(root.resolve("images/test/c/d.bmp"), 5, 1, 0);
        Fixtures.image(root.resolve("images/e.png"), 6, 1, 0);
        Fixtures.text(root.resolve("images/test/f.txt"), "not an image");
        try (DatasetSource source = Fixtures.importFrom(root)) {
            List<DatasetItem> items = Fixtures.items(source);
            assertEquals(2, items.get(0).image().size().orElseThrow().width(), "any first folder, any letter case");
            assertEquals(root.resolve("images/y/b.png"), items.get(1).image().path().orElseThrow(),
                    "the later file in sorted order wins");
            assertEquals(5, items.get(2).image().size().orElseThrow().width(), "ids with folders");
            assertNull(items.get(3).image(), "files directly in images/ do not count");
            assertNull(items.get(4).image(), "only image extensions count");
        }
    }

    @Test
    void takesParentsFromSubcategoriesLastVisitWinning() throws IOException {
        Path root = temp.resolve("hierarchy");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("class-descriptions.csv"), "/m/a,A", "/m/b,B", "/m/x,X", "/m/y,Y", "/m/z,Z");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "i,train");
        Fixtures.text(ann.resolve("bbox_labels_600_hierarchy.json"), "{\"LabelName\": \"/m/root\", \"Subcategory\": [",
                "  {\"LabelName\": \"/m/a\", \"Subcategory\": [{\"LabelName\": \"/m/x\", \"Subcategory\": [{\"LabelName\": \"/m/y\"}]}]},",
                "  {\"LabelName\": \"/m/b\", \"Subcategory\": [{\"LabelName\": \"/m/y\"}], \"Part\": [{\"LabelName\": \"/m/z\"}]},",
                "  {\"LabelName\": \"/m/unknown\", \"Subcategory\": [{\"LabelName\": \"/m/z\"}]}",
                "]}");
        try (DatasetSource source = Fixtures.importFrom(root)) {
            // the root and /m/unknown are no labels: their children get no parent from them
            assertEquals(List.of("/m/a:", "/m/b:", "/m/x:/m/a", "/m/y:/m/b", "/m/z:"), source.categories().labels()
                    .labels().stream().map(c -> c.name() + ":" + c.parent()).collect(Collectors.toList()));
        }
    }

    @Test
    void readsAFlatLayoutWithDatasetMeta() throws IOException {
        Path root = temp.resolve("flat");
        Fixtures.text(root.resolve("dataset_meta.json"), "{\"labels\": [\"cat\", \"dog\"], \"label_map\": {\"0\": \"cat\", \"2\": \"bird\"}}");
        Fixtures.text(root.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "q1,s1", "q2,s2");
        Fixtures.text(root.resolve("s1-annotations-human-imagelabels.csv"), "ImageID,Source,LabelName,Confidence",
                "q1,x,bird,1", "q2,x,cat,0.0");
        try (DatasetSource source = Fixtures.importFrom(root)) {
            assertEquals(List.of("cat", "dog", "bird"), source.categories().labels().labels().stream()
                    .map(LabelCategory::name).collect(Collectors.toList()));
            List<DatasetItem> items = Fixtures.items(source);
            assertEquals("s2", items.get(1).subset(), "the description file decides the subset");
            assertEquals(0, items.get(1).annotations().get(0).label());
        }
        assertTrue(new OpenImagesDetector().detect(root).matched());
    }
}
