package io.datum.core.internal.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.datum.api.ValidationReport;
import io.datum.core.internal.GeneratedItems;
import io.datum.files.OwnedFolder;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detection validation of 1.5 million generated items (three boxes each, one in a thousand
 * without) in a child JVM of 256 MiB: the items, or the per-item parts of the report, would not
 * fit, so finishing proves that both passes and the reading back of the report stream.
 */
class ValidationStreamingTest {
    static final long ITEMS = 1_500_000;

    @Test
    void aMillionAndAHalfItemsValidateInA256MiBHeap(@TempDir Path tmp) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ValidationStreamingTest.class.getName(), tmp.resolve("spill").toString());
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the validation did not finish in 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        // the wide box is far from the mean in width, area, ratio and long side: four reports each
        assertTrue(output.contains("items 1500000 missing 1500 reports 1500 far 6000"), output);
    }

    /** The child: validates, then reads every spilled part back; prints what it counted. */
    public static void main(String[] args) throws Exception {
        DatasetSource generated = new GeneratedItems(new Categories(LabelCategories.ofNames("cat", "dog")), ITEMS) {
            @Override
            protected DatasetItem item(long i) {
                if (i % 1000 == 7) {
                    return new DatasetItem("item_" + i, "train", null, List.of());
                }
                // one box in a thousand is a hundred times as wide: far from the mean
                double w = i % 1000 == 8 ? 1000 : 10 + i % 3;
                return new DatasetItem("item_" + i, i % 2 == 0 ? "train" : "val", null, List.of(
                        new Bbox(0, 0, 0, w, 10, 1, 0, 0, Attributes.empty(), null),
                        new Bbox(1, 0, 0, 12, 10 + i % 5, 2, 0, 0, Attributes.empty(), null),
                        new Bbox(1, 5, 5, 20, 20, 3, 0, 0, Attributes.empty(), null)));
            }
        };
        ValidatorSettings settings = ValidatorSettings.of(ValidatorSettings.Task.DETECTION, List.of());
        try (ValidationReport r = DatasetValidator.validate(generated, settings, null,
                OwnedFolder.create(Path.of(args[0])))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = (Map<String, Object>) r.values().get("statistics");
            long items = 0;
            for (Object ignored : ((Map<?, ?>) stats.get("bbox_distribution_in_dataset_item")).entrySet()) {
                items++;
            }
            long missing = 0;
            for (Object ignored : (Iterable<?>) stats.get("items_missing_annotation")) {
                missing++;
            }
            long reports = 0;
            long far = 0;
            for (Object report : (Iterable<?>) r.values().get("validation_reports")) {
                Map<?, ?> m = (Map<?, ?>) report;
                if (m.get("anomaly_type").equals("MissingAnnotation")) {
                    reports++;
                } else if (m.get("anomaly_type").equals("FarFromLabelMean")) {
                    far++;
                }
            }
            System.out.println("items " + items + " missing " + missing + " reports " + reports + " far " + far);
        }
    }
}
