package io.datum.core.internal.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.ValidationReport;
import io.datum.files.OwnedFolder;
import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Polygon;
import io.datum.options.UsageException;
import io.datum.spi.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidatorTest {
    @TempDir
    Path dir;

    private static final LabelCategories LABELS = new LabelCategories(List.of(
            new LabelCategory("cat", null, List.of(AttributeSpec.named("color"))),
            new LabelCategory("dog", null, List.of(AttributeSpec.named("size"))),
            new LabelCategory("bird")), List.of());

    private static Bbox box(int label, double w, double h, long id, Object... attributes) {
        return new Bbox(label, 0, 0, w, h, id, 0, 0, Attributes.of(attributes), null);
    }

    private static DatasetItem item(String id, Annotation... annotations) {
        return new DatasetItem(id, "train", null, List.of(annotations));
    }

    private ValidationReport validate(LabelCategories labels, List<DatasetItem> items, String task, String... options)
            throws Exception {
        ValidatorSettings settings = ValidatorSettings.of(ValidatorSettings.task(task), List.of(options));
        return DatasetValidator.validate(Datasets.of(new Categories(labels), items), settings, null,
                OwnedFolder.create(dir.resolve("spill-" + System.nanoTime())));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reports(ValidationReport r) {
        List<Map<String, Object>> out = new ArrayList<>();
        ((Iterable<Map<String, Object>>) r.values().get("validation_reports")).forEach(out::add);
        return out;
    }

    private static List<String> descriptions(ValidationReport r, String type) {
        return reports(r).stream().filter(m -> m.get("anomaly_type").equals(type))
                .map(m -> (String) m.get("description")).toList();
    }

    /** Twenty cats of width 10 in red, one of width 1000 in blue; a dog; defects one of each kind. */
    private static List<DatasetItem> detectionItems() {
        List<DatasetItem> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("c" + i, box(0, 10, 10, 1, "color", "red")));
        }
        items.add(item("far", box(0, 1000, 10, 3, "color", "red")));
        items.add(item("blue", box(0, 10, 10, 1, "color", "blue")));
        items.add(item("empty"));
        items.add(item("bad", box(0, 0.5, 10, 4, "color", "red"), box(0, 10, 0, 5, "color", "red"),
                box(7, 10, 10, 6), box(1, 10, 10, 7, "extra", 1), box(0, 10, 10, 8)));
        return items;
    }

    @Test
    void detectionReportsEachKindWithTheReferenceTexts() throws Exception {
        try (ValidationReport r = validate(LABELS, detectionItems(), "detection", "-m", "2", "-ir", "2")) {
            assertEquals(List.of("Item needs 'bounding box' annotation(s), but not found."),
                    descriptions(r, "MissingAnnotation"));
            assertEquals(List.of("The label 'bird' is defined in metadata, but not found in the dataset."),
                    descriptions(r, "LabelDefinedButNotFound"));
            assertEquals(List.of("The number of samples in the label 'dog' might be too low. Found '1' samples."),
                    descriptions(r, "FewSamplesInLabel"));
            assertEquals(List.of("There is an imbalance in the label distribution."), descriptions(r, "ImbalancedLabels"));
            assertEquals(List.of("Annotation '4' in the item should have a positive value of 'bounding box width' but "
                    + "got '0.5'.", "Annotation '5' in the item should have a positive value of 'bounding box height' "
                    + "but got '0.0'."), descriptions(r, "NegativeLength"));
            assertEquals(List.of("Annotation '5' in the item has an inf or a NaN value of 'bounding box ratio(w/h)'."),
                    descriptions(r, "InvalidValue"));
            assertEquals(List.of("The attribute 'size' for the label 'dog' is defined in metadata, but not found in "
                    + "the dataset."), descriptions(r, "AttributeDefinedButNotFound"));
            assertEquals(List.of("The number of samples for attribute = value 'color = blue' for the label 'cat' might "
                    + "be too low. Found '1' samples."), descriptions(r, "FewSamplesInAttribute"));
            assertEquals(List.of("There is an imbalance in the distribution of attribute 'color' for the label 'cat'."),
                    descriptions(r, "ImbalancedAttribute"));
            assertEquals(List.of("Item needs the attribute 'color' for the label 'cat'.",
                    "Item needs the attribute 'size' for the label 'dog'."), descriptions(r, "MissingAttribute"));
            assertEquals(List.of("Item has the label '7' which is not defined in metadata."),
                    descriptions(r, "UndefinedLabel"));
            assertEquals(List.of("Item has the attribute 'extra' for the label 'dog' which is not defined in "
                    + "metadata."), descriptions(r, "UndefinedAttribute"));
            List<String> far = descriptions(r, "FarFromLabelMean");
            assertTrue(far.contains("Annotation '3' in the item has a value of 'bounding box width' that is too far "
                    + "from the label average. (mean of 'cat' label: 53.04, got '1000.0')."), far.toString());
            assertTrue(descriptions(r, "FarFromAttrMean").contains("Annotation '3' in the item has a value of "
                    + "'bounding box width' that is too far from the attribute average. (mean of 'color' = 'red' for "
                    + "the 'cat' label: 57.14, got '1000.0')."), descriptions(r, "FarFromAttrMean").toString());
            assertTrue(descriptions(r, "ImbalancedDistInLabel").contains("Values of 'bounding box width' are not "
                    + "evenly distributed for 'cat' label."));
            assertTrue(descriptions(r, "ImbalancedDistInAttribute").contains("Values of 'bounding box width' are not "
                    + "evenly distributed for 'color' = 'red' for the 'cat' label."));
            Map<String, Object> missing = reports(r).stream()
                    .filter(m -> m.get("anomaly_type").equals("MissingAnnotation")).findFirst().orElseThrow();
            assertEquals("empty", missing.get("item_id"));
            assertEquals("train", missing.get("subset"));
            assertEquals("warning", missing.get("severity"));
            long errors = reports(r).stream().filter(m -> m.get("severity").equals("error")).count();
            assertEquals(errors, r.errors());
            assertEquals(reports(r).size() - errors, r.warnings());
            assertEquals(List.of(
                    "MissingAnnotation", "LabelDefinedButNotFound", "FewSamplesInLabel", "ImbalancedLabels",
                    "NegativeLength", "InvalidValue", "FewSamplesInAttribute", "ImbalancedAttribute",
                    "MissingAttribute", "FarFromLabelMean", "ImbalancedDistInLabel", "FarFromAttrMean",
                    "ImbalancedDistInAttribute", "AttributeDefinedButNotFound", "UndefinedLabel", "UndefinedAttribute"),
                    List.copyOf(r.anomalies().keySet()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void detectionStatisticsHaveTheReferenceShape() throws Exception {
        try (ValidationReport r = validate(LABELS, detectionItems(), "detection", "-m", "2")) {
            Map<String, Object> stats = (Map<String, Object>) r.values().get("statistics");
            assertEquals(List.of("label_distribution", "attribute_distribution", "total_ann_count",
                    "items_missing_annotation", "items_with_negative_length", "items_with_invalid_value",
                    "bbox_distribution_in_label", "bbox_distribution_in_attribute",
                    "bbox_distribution_in_dataset_item"), List.copyOf(stats.keySet()));
            assertEquals(27L, stats.get("total_ann_count"));
            Map<String, Object> width = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) stats
                    .get("bbox_distribution_in_label")).get("cat")).get("width");
            assertEquals((22 * 10 + 1000) / 23.0, (Double) width.get("mean"), 1e-9);
            assertEquals(10.0, width.get("min"));
            assertEquals(1000.0, width.get("max"));
            Map<String, Object> histogram = (Map<String, Object>) width.get("histogram");
            assertEquals(List.of(22L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), histogram.get("counts"));
            Map<String, Object> far = (Map<String, Object>) width.get("items_far_from_mean");
            assertEquals(Map.of("3", 1000.0), far.get("('far', 'train')"));
            Map<String, Object> negative = (Map<String, Object>) stats.get("items_with_negative_length");
            assertEquals(Map.of("4", Map.of("width", 0.5), "5", Map.of("height", 0.0)), negative.get("('bad', 'train')"));
            Map<String, Object> perItem = (Map<String, Object>) stats.get("bbox_distribution_in_dataset_item");
            assertEquals(24, perItem.size());
            assertEquals(0L, perItem.get("('empty', 'train')"));
        }
    }

    @Test
    void classificationFindsMultipleLabelsAndOnlyOneLabel() throws Exception {
        LabelCategories labels = LabelCategories.ofNames("a", "b");
        try (ValidationReport r = validate(labels, List.of(item("x", new Label(0), new Label(0)), item("y",
                new Label(0))), "classification")) {
            assertEquals(List.of("Item needs a single label but multiple labels are found."),
                    descriptions(r, "MultiLabelAnnotations"));
            assertEquals(List.of("The dataset has only one label 'a'."), descriptions(r, "OnlyOneLabel"));
            assertEquals(1, r.errors());
        }
    }

    @Test
    void noLabelCategoriesIsAnError() throws Exception {
        try (ValidationReport r = validate(LabelCategories.empty(), List.of(item("x")), "classification")) {
            assertEquals(List.of("Metadata (ex. LabelCategories) should be defined to validate a dataset."),
                    descriptions(r, "MissingLabelCategories"));
        }
    }

    @Test
    void onlyOneAttributeValue() throws Exception {
        try (ValidationReport r = validate(LABELS, List.of(item("x", new Label(0, Attributes.of("color", "red")))),
                "classification")) {
            assertEquals(List.of("The dataset has the only attribute value 'red' for the attribute 'color' for the "
                    + "label 'cat'."), descriptions(r, "OnlyOneAttributeValue"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void segmentationMeasuresMasksAndPolygons() throws Exception {
        byte[] pixels = new byte[6 * 4];
        for (int y = 1; y < 3; y++) {
            for (int x = 2; x < 5; x++) {
                pixels[y * 6 + x] = 1;
            }
        }
        Mask mask = new Mask(0, MaskData.of(6, 4, pixels), 1, 0, 0, Attributes.empty());
        Polygon square = new Polygon(0, Coords.of(0, 0, 4, 0, 4, 4, 0, 4), 2, 0, 0, Attributes.empty());
        try (ValidationReport r = validate(LabelCategories.ofNames("cat"), List.of(item("m", mask, square),
                item("none", new Label(0))), "segmentation")) {
            Map<String, Object> stats = (Map<String, Object>) r.values().get("statistics");
            Map<String, Object> cat = (Map<String, Object>) ((Map<String, Object>) stats
                    .get("mask_distribution_in_label")).get("cat");
            assertEquals(6.0, ((Map<String, Object>) cat.get("area")).get("min"));
            assertEquals(16.0, ((Map<String, Object>) cat.get("area")).get("max"));
            assertEquals(3.0, ((Map<String, Object>) cat.get("width")).get("min"));
            assertEquals(4.0, ((Map<String, Object>) cat.get("width")).get("max"));
            assertEquals(List.of("Item needs 'mask or polygon or ellipse' annotation(s), but not found."),
                    descriptions(r, "MissingAnnotation"));
        }
    }

    @Test
    void closingRemovesTheSpilledParts() throws Exception {
        ValidationReport r = validate(LABELS, detectionItems(), "detection");
        long spills;
        try (var s = Files.list(dir)) {
            spills = s.count();
        }
        assertEquals(1, spills);
        r.close();
        try (var s = Files.list(dir)) {
            assertFalse(s.findAny().isPresent());
        }
        assertThrows(IllegalStateException.class, r::values);
        assertTrue(r.errors() > 0);
    }

    @Test
    void badThresholdIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> ValidatorSettings.of(
                ValidatorSettings.Task.DETECTION, List.of("-fs", "many")));
        assertTrue(e.getMessage().contains("argument -fs/--few-samples-thr: invalid int value: 'many'"), e.getMessage());
    }
}
