package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidateVerbTest extends CommandLineFixture {
    @BeforeEach
    void writeInput() throws IOException {
        fakeDataset("in", List.of("cat", "dog", "bird"), "a train cat", "b test dog", "c test cat");
    }

    @Test
    void writesTheReportAndSumsItUp() throws IOException {
        assertEquals(0, run("validate", "-t", "classification", "in:fake", "--", "-fs", "2"), err);
        assertEquals("Validation (classification): 0 errors, 4 warnings\n  LabelDefinedButNotFound: 1\n"
                + "  FewSamplesInLabel: 2\n  ImbalancedLabels: 1\n", out);
        assertTrue(err.contains("INFO: Writing project validation results to 'validation-report.json'"), err);
        String json = Files.readString(dir.resolve("validation-report.json"));
        assertTrue(json.startsWith("{\n  \"statistics\": {\n    \"label_distribution\": {"), json);
        assertTrue(json.contains("\"defined_labels\": {\n        \"cat\": 2,\n        \"dog\": 1,\n        \"bird\": 0\n"),
                json);
        assertTrue(json.contains("{\n      \"anomaly_type\": \"FewSamplesInLabel\",\n      \"description\": \"The number of "
                + "samples in the label 'dog' might be too low. Found '1' samples.\",\n      \"severity\": \"warning\"\n"
                + "    }"), json);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(dir.resolve("validation-report.json")), "rights as any new file has");
        assertTrue(json.endsWith("\"summary\": {\n    \"errors\": 0,\n    \"warnings\": 4\n  }\n}"), json);

        assertEquals(0, run("validate", "-t", "detection", "in:fake"), err);
        assertTrue(Files.readString(dir.resolve("validation-report.1.json")).contains("\"items_missing_annotation\": [\n"
                + "      [\n        \"a\",\n        \"train\"\n      ],"), "an earlier report is kept");

        assertEquals(0, run("validate", "-t", "classification", "-s", "test", "in:fake", "-o", "reports"), err);
        assertTrue(Files.readString(dir.resolve("reports/validation-report-test.json"))
                .contains("\"total_ann_count\": 2"));
    }

    /** The reference's second example: a project's dataset, with the imbalance threshold given after '--'. */
    @Test
    void validatesAProjectWithValidatorOptions() throws IOException {
        assertEquals(0, run("create", "-o", "proj"), err);
        assertEquals(0, run("import", "-p", "proj", "-f", "fake", "in"), err);
        assertEquals(0, run("validate", "-p", "proj", "-t", "classification", "--", "-ir", "40"), err);
        String project = out;
        assertTrue(project.startsWith("Validation (classification): 0 errors, "), project);
        assertTrue(Files.readString(dir.resolve("validation-report.json")).contains("\"cat\": 2"));
        assertEquals(0, run("validate", "-t", "classification", "in:fake", "--", "-ir", "40"), err);
        assertEquals(project, out, "the same report as for the dataset's path");
        assertEquals(2, run("validate", "-t", "classification", "in:fake", "--", "-ir", "x"));
        assertTrue(err.contains("-ir"), "the option reaches the validator, which checks it: " + err);
    }

    @Test
    void anUnknownTaskOrThresholdIsAUsageErrorAndWritesNothing() throws IOException {
        assertEquals(2, run("validate", "-t", "ranking", "in:fake"));
        assertTrue(err.contains("argument -t/--task: Unknown task type ranking. Expected one of: classification, "
                + "detection, segmentation"), err);
        assertEquals(2, run("validate", "-t", "detection", "in:fake", "--", "-m", "far"));
        assertTrue(err.contains("argument -m/--far-from-mean-thr: invalid float value: 'far'"), err);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("validation")));
        }
    }

    @Test
    void validatorOptionsHaveHelp() {
        assertEquals(0, run("validate", "-t", "detection", "in:fake", "--", "-h"));
        assertTrue(out.contains("-fs FEW_SAMPLES_THR, --few-samples-thr FEW_SAMPLES_THR"), out);
    }
}
