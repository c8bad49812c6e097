package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.core.internal.FormatTable;
import io.datum.registry.FormatRegistries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatumCommandLineTest extends CommandLineFixture {
    private Path input;

    @BeforeEach
    void writeInput() throws IOException {
        input = fakeDataset("in", "a train cat", "b test dog");
    }

    private List<String> siblingsOf(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p.getParent())) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void convertsDetectingTheInputFormat() throws IOException {
        Path target = dir.resolve("out");
        assertEquals(0, run("convert", "-i", input.toString(), "-f", "other", "-o", target.toString()));
        assertEquals(List.of("a train cat", "b test dog"), Files.readAllLines(target.resolve("items.txt")));
        assertTrue(err.contains("INFO: Source dataset format detected as fake"), err);
        assertTrue(err.contains("WARNING: fake warning: 2 times"), err);
        assertTrue(err.contains("INFO: Dataset exported to '" + target + "' as 'other'"), err);
        assertEquals(List.of("in", "out"), siblingsOf(target), "no temporary folder is left behind");
    }

    @Test
    void passesFormatOptionsAfterDoubleDashWithUnderscoresAccepted() throws IOException {
        Path target = dir.resolve("out");
        assertEquals(0, run("convert", "-if", "fake", "-i", input.toString(), "-f", "other", "-o",
                target.toString(), "--", "--save_media"));
        assertTrue(Files.exists(target.resolve("media.flag")));
    }

    @Test
    void refusesTheSameInputAndOutputFormatWithExitCode3() {
        assertEquals(3, run("convert", "-i", input.toString(), "-if", "fake", "-f", "fake", "-o", dir.resolve("o").toString()));
        assertTrue(err.contains("ERROR: The source data format and the output data format is same as fake."), err);
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void refusesANonEmptyOutputWithoutOverwriteAndLeavesItAlone() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        assertEquals(1, run("convert", "-i", input.toString(), "-f", "other", "-o", target.toString()));
        assertTrue(err.contains("ERROR: Directory '" + target + "' already exists (pass --overwrite to overwrite)"), err);
        assertEquals("mine", Files.readString(target.resolve("keep.txt")));
        assertEquals(0, run("convert", "-i", input.toString(), "-f", "other", "-o", target.toString(), "--overwrite"));
        assertFalse(Files.exists(target.resolve("keep.txt")), "--overwrite replaces the old content");
        assertTrue(Files.exists(target.resolve("items.txt")));
    }

    @Test
    void aFailedExportLeavesNoOutputAndNoStackTrace() throws IOException {
        Files.write(input.resolve("items.txt"), List.of("a train cat", "boom train dog"));
        Path target = dir.resolve("out");
        assertEquals(1, run("convert", "-i", input.toString(), "-f", "other", "-o", target.toString()));
        assertTrue(err.contains("ERROR: items.txt:3: cannot export item 'boom'"), err);
        assertFalse(err.contains("\tat "), err);
        assertEquals(List.of("in"), siblingsOf(target));
    }

    @Test
    void unknownFormatsListTheAvailableOnes() {
        assertEquals(1, run("convert", "-i", input.toString(), "-f", "imagenet", "-o", dir.resolve("o").toString()));
        assertTrue(err.contains("ERROR: Unknown output format 'imagenet' (available: fake, other)"), err);
        assertEquals(1, run("convert", "-i", input.toString(), "-if", "imagenet", "-f", "fake", "-o", dir.resolve("o").toString()));
        assertTrue(err.contains("Unknown input format 'imagenet' (available: fake)"), err);
    }

    @Test
    void formatOptionErrorsAreUsageErrorsOfTheFormat() {
        assertEquals(2, run("convert", "-i", input.toString(), "-f", "fake", "-o", dir.resolve("o").toString(), "--", "--foo"));
        assertEquals("usage: fake [-h] [--save-media]\nfake: error: unrecognized arguments: --foo\n", err);
        assertEquals(0, run("convert", "-f", "fake", "--", "-h"));
        assertTrue(out.startsWith("usage: fake [-h] [--save-media]"), out);
        assertEquals(2, run("convert", "-i", input.toString(), "-f", "fake", "--save-media"));
        assertTrue(err.contains("datum convert: error: unrecognized arguments: --save-media"), err);
    }

    @Test
    void createsImportsAndExportsAProjectWithoutCopyingTheData() throws IOException {
        Path project = dir.resolve("proj");
        assertEquals(0, run("create", "-o", project.toString()));
        assertEquals(0, run("import", "-p", project.toString(), "-f", "fake", input.toString()));
        assertTrue(err.contains("Source 'source-1' with format 'fake' has been added to the project"), err);
        assertFalse(Files.exists(project.resolve("source-1")), "the path is recorded, not copied (D14)");
        String config = Files.readString(project.resolve(Project.CONFIG));
        assertTrue(config.contains("    format: fake\n"), config);
        assertTrue(config.contains("    url: " + Project.quote(input.toString()) + "\n"), config);
        Path target = dir.resolve("exported");
        assertEquals(0, run("project", "export", "-p", project.toString(), "-f", "other", "-o", target.toString()));
        assertEquals(List.of("a train cat", "b test dog"), Files.readAllLines(target.resolve("items.txt")));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.write(other.resolve("labels.txt"), List.of("cat", "dog"));
        Files.write(other.resolve("items.txt"), List.of("c train cat", "d test dog"));
        assertEquals(0, run("import", "-p", project.toString(), "-f", "fake", "-n", "second", other.toString()));
        assertEquals(0, run("export", "-p", project.toString(), "-f", "other", "-o", dir.resolve("both").toString()));
        assertEquals(4, Files.readAllLines(dir.resolve("both/items.txt")).size());
        assertEquals(1, run("import", "-p", project.toString(), "-f", "fake", "-n", "second", other.toString()));
        assertTrue(err.contains("Source 'second' already exists"), err);
    }

    @Test
    void importChecksTheSourceAndNeedsAProject() throws IOException {
        assertEquals(1, run("import", "-p", dir.resolve("nothing").toString(), "-f", "fake", input.toString()));
        assertTrue(err.contains("Can't find project at"), err);
        Path project = dir.resolve("proj");
        assertEquals(0, run("create", "-o", project.toString()));
        Files.write(input.resolve("items.txt"), List.of("a train bird"));
        assertEquals(1, run("import", "-p", project.toString(), "-f", "fake", input.toString()));
        assertTrue(err.contains("items.txt: unknown label"), err);
        assertFalse(Files.readString(project.resolve(Project.CONFIG)).contains("source-1"));
    }

    @Test
    void detectsAndExplainsRejections() throws IOException {
        assertEquals(0, run("detect", input.toString()));
        assertEquals("Detected format: fake\n", out);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path report = dir.resolve("report.json");
        assertEquals(0, run("detect-format", "--show-rejections", "--json-report", report.toString(), empty.toString()));
        assertEquals("Unable to detect the format\n\nThe following formats were rejected:\n\nfake:\n"
                + "  The following requirement was not met:\n"
                + "    dataset must contain a file matching pattern \"items.txt\"\n", out);
        assertTrue(Files.readString(report).contains("\"reason\": \"unmet_requirements\""));
        assertEquals(1, run("detect", dir.resolve("missing").toString()));
    }

    @Test
    void twoBundlesProvidingOneFormatAreReportedByFormatsAndWarnedAboutByEveryVerb() {
        // the test formats as one bundle would register them, and a second bundle with another "fake" importer
        FormatTable clashing = new FormatTable();
        FormatTable.Provider tests = new FormatTable.Provider("cli-tests", "1.0.0", "", 1);
        clashing.add(FormatTable.Role.DETECTOR, new FakeFormat.Detector(), "fake", 0, tests);
        clashing.add(FormatTable.Role.IMPORTER, new FakeFormat.Importer(), "fake", 0, tests);
        clashing.add(FormatTable.Role.EXPORTER, new FakeFormat.Exporter(), "fake", 0, tests);
        clashing.add(FormatTable.Role.EXPORTER, new FakeFormat.OtherExporter(), "other", 0, tests);
        clashing.add(FormatTable.Role.IMPORTER, new FakeFormat.Importer(), "fake", 0,
                new FormatTable.Provider("com.example.fake-copy", "0.0.1", "", 2));
        datum = new DatumCommandLine(clashing, dir);
        assertEquals(0, run("formats"));
        assertTrue(out.contains("(clash: also com.example.fake-copy 0.0.1, not used)"), out);
        assertFalse(out.lines().filter(l -> l.startsWith("other")).anyMatch(l -> l.contains("clash")), out);
        assertTrue(err.contains("WARNING: format 'fake' is provided by 2 bundles: using "), err);
        assertTrue(err.contains(", not com.example.fake-copy 0.0.1 (the higher version wins"), err);
        assertEquals(0, run("detect", input.toString()));
        assertTrue(err.contains("WARNING: format 'fake' is provided by 2 bundles"), err);
    }

    @Test
    void aFormatBundlesOwnFailureNamesTheFormatAndTheBundle() throws IOException {
        Files.write(input.resolve("items.txt"), List.of("a train cat", "b test dog x"));
        assertEquals(1, run("convert", "-if", "fake", "-i", input.toString(), "-f", "other", "-o", dir.resolve("o").toString()));
        assertTrue(err.contains("ERROR: format 'fake' (bundle "), err);
        assertTrue(err.contains(") failed: java.lang.NumberFormatException: For input string: \"x\"; a fault of that bundle,"
                + " not of the data: report it to its authors"), err);
        assertFalse(err.contains("internal error"), err);
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void listsFormatsAndAnswersHelpAndVersion() {
        assertEquals(0, run("formats"));
        assertTrue(out.startsWith("FORMAT  IMPORT  EXPORT  DETECT  PROVIDED BY\n"), out);
        assertTrue(out.contains("\nfake    yes     yes     yes"), out);
        assertTrue(out.contains("\nother   -       yes     -"), out);
        assertEquals(0, run("--version"));
        assertFalse(out.isBlank());
        assertEquals(0, run("convert", "--help"));
        assertTrue(out.contains("Supported output formats: fake, other"), out);
        assertEquals(2, run("frobnicate"));
        assertTrue(err.contains("invalid choice: 'frobnicate'"), err);
        assertEquals(1, run());
    }

    @Test
    void everyVerbIsMadeOnUseAnswersItsHelpAndAnUnknownOneListsThemAll() {
        for (String verb : DatumCommandLine.VERBS) {
            assertEquals(0, run(verb, "--help"), verb + ": " + err);
            assertTrue(out.startsWith("usage: datum " + (verb.equals("project") ? "project" : verb) + " "), verb + ": " + out);
            assertTrue(err.isEmpty(), verb + ": " + err);
        }
        assertEquals(2, run("frobnicate"));
        assertTrue(err.endsWith("argument COMMAND: invalid choice: 'frobnicate' (choose from 'convert', 'create', 'import', "
                + "'export', 'detect', 'detect-format', 'dinfo', 'info', 'stats', 'formats', 'transform', 'transforms', "
                + "'filter', 'merge', 'compare', 'validate', 'render', 'project', 'add', 'remove')\n"), err);
        assertEquals(null, DatumCommandLine.verb("frobnicate"));
    }

    @Test
    void defaultOutputNamesCountUpLikeTheReference() throws IOException {
        assertEquals("v6-cvat", Names.nextFree(dir, "v6-cvat", "."));
        Files.createDirectories(dir.resolve("v6-cvat"));
        assertEquals("v6-cvat.1", Names.nextFree(dir, "v6-cvat", "."));
        Files.createDirectories(dir.resolve("v6-cvat.4"));
        assertEquals("v6-cvat.5", Names.nextFree(dir, "v6-cvat", "."));
        assertEquals("open_images", Names.slug("open_images"));
        assertEquals("x-yz-1", Names.slug("x y/Z 1"));
    }

    @Test
    void theOutputFolderIsTheOneTypedOrTheNextFreeDefaultName() throws IOException {
        Session s = new Session(null, dir, null, null, false);
        Names.OutputDir typed = Names.outputDir(s, "a/../typed", "merged");
        assertEquals(dir.resolve("typed"), typed.path());
        assertEquals("a/../typed", typed.shown());
        assertEquals(new Names.OutputDir(dir.resolve("merged"), "merged"), Names.outputDir(s, null, "merged"));
        Files.createDirectories(dir.resolve("merged"));
        assertEquals(new Names.OutputDir(dir.resolve("merged.1"), "merged.1"), Names.outputDir(s, null, "merged"));
    }

    @Test
    void convertAndTransformSayAlikeWhenTheFormatOfTheirInputIsNotFound() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String none = "ERROR: Failed to detect dataset format. Try to specify format with '-if/--input-format' parameter.\n";
        assertEquals(1, run("convert", "-i", empty.toString(), "-f", "other", "-o", dir.resolve("o1").toString()));
        assertTrue(err.endsWith(none), err);
        assertEquals(1, run("transform", "-t", "remap_labels", "-i", empty.toString(), "-o", dir.resolve("o2").toString()));
        assertTrue(err.endsWith(none), err);

        FormatTable twoMatch = new FormatTable();
        FormatTable.Provider tests = new FormatTable.Provider("cli-tests", "1.0.0", "", 1);
        for (String name : List.of("fake", "fake2")) {
            twoMatch.add(FormatTable.Role.DETECTOR, new FakeFormat.Detector(), name, 0, tests);
            twoMatch.add(FormatTable.Role.IMPORTER, new FakeFormat.Importer(), name, 0, tests);
        }
        twoMatch.add(FormatTable.Role.EXPORTER, new FakeFormat.OtherExporter(), "other", 0, tests);
        FormatRegistries.fromServiceLoader().transform("remap_labels").ifPresent(t ->
                twoMatch.add(FormatTable.Role.TRANSFORM, t, "remap_labels", 0, tests));
        datum = new DatumCommandLine(twoMatch, dir);
        String several = "ERROR: Multiple formats match the dataset: fake, fake2. Try to specify format with "
                + "'-if/--input-format' parameter.\n";
        assertEquals(2, run("convert", "-i", input.toString(), "-f", "other", "-o", dir.resolve("o3").toString()));
        assertTrue(err.endsWith(several), err);
        assertEquals(1, run("transform", "-t", "remap_labels", "-i", input.toString(), "-o", dir.resolve("o4").toString()));
        assertTrue(err.endsWith(several), err);
        assertFalse(Files.exists(dir.resolve("o3")) || Files.exists(dir.resolve("o4")));
    }

    @Test
    void printsDatasetInfoForAPathWithOrWithoutFormat() throws IOException {
        String expected = "length: 2\ncategories: label\n  label:\n    count: 2\n    labels: cat, dog\n"
                + "subsets: train, test\n  'train':\n    length: 1\n    categories: label\n      label:\n"
                + "        count: 2\n        labels: cat, dog\n  'test':\n    length: 1\n    categories: label\n"
                + "      label:\n        count: 2\n        labels: cat, dog\n";
        assertEquals(0, run("dinfo", input + ":fake"));
        assertEquals(expected, out);
        assertEquals(0, run("info", input.toString()));
        assertEquals(expected, out);
        assertEquals(1, run("dinfo", dir.resolve("nope").toString()));
        assertTrue(err.contains("Failed to parse revspec:"), err);
        assertTrue(err.contains("doesn't exist"), err);
    }

    @Test
    void writesAnnotationStatisticsNextToTheCaller() throws IOException {
        assertEquals(0, run("stats", "--image-stats", "off", input + ":fake"));
        assertTrue(err.contains("INFO: Writing project statistics to 'statistics.json'"), err);
        String json = Files.readString(dir.resolve("statistics.json"));
        assertTrue(json.startsWith("{\n  \"images count\": 2,\n  \"annotations count\": 2,\n"
                + "  \"unannotated images count\": 0,\n  \"unannotated images\": [],\n"), json);
        assertTrue(json.contains("\"distribution\": {\n        \"cat\": [\n          1,\n          0.5\n        ],"), json);
        assertEquals(0, run("stats", "--image-stats", "false", "-s", "test", input + ":fake"));
        assertTrue(Files.readString(dir.resolve("statistics.1.json")).contains("\"images count\": 1,"));
        assertEquals(2, run("stats", "--image-stats", "maybe", input + ":fake"));
        assertTrue(err.contains("invalid to_bool value: 'maybe'"), err);
        assertEquals(1, run("stats", "-s", "nosuch", input + ":fake"));
        assertTrue(err.contains("Unknown subset 'nosuch'"), err);
    }

    @Test
    void removesSourcesAndReportsTheProject() throws IOException {
        Path project = dir.resolve("proj");
        assertEquals(0, run("project", "create", "-o", project.toString()));
        assertEquals(0, run("project", "import", "-p", project.toString(), "-f", "fake", "-n", "a", input.toString()));
        assertEquals(0, run("project", "import", "-p", project.toString(), "-f", "fake", "-n", "b", "--copy",
                input.toString()));
        assertTrue(Files.exists(project.resolve("b/items.txt")), "--copy copies");
        assertEquals(0, run("project", "info", "-p", project.toString()));
        assertTrue(out.contains("  'a':\n    format: fake\n    url: " + input + "\n    location: " + input + "\n"), out);
        assertTrue(out.contains("    location: " + project.resolve("b") + "\n"), out);
        assertEquals(0, run("remove", "-p", project.toString(), "a", "b"));
        assertTrue(err.contains("Sources 'a, b' have been removed from the project"), err);
        assertTrue(Files.exists(input.resolve("items.txt")), "recorded data is never deleted");
        assertFalse(Files.exists(project.resolve("b")), "copied data is deleted");
        assertEquals(1, run("project", "remove", "-p", project.toString(), "a"));
        assertTrue(err.contains("Unknown source 'a'"), err);
        assertEquals(0, run("project", "remove", "--force", "-p", project.toString(), "a"));
    }

    @Test
    void addsAFolderOfTheProjectRootWithoutCopying() throws IOException {
        Path project = dir.resolve("proj");
        assertEquals(0, run("create", "-o", project.toString()));
        assertEquals(1, run("project", "add", "-p", project.toString(), "-f", "fake", input.toString()));
        assertTrue(err.contains("The source path is expected to be a directory in the project root"), err);
        Path inside = Files.createDirectories(project.resolve("inside"));
        Files.copy(input.resolve("labels.txt"), inside.resolve("labels.txt"));
        Files.copy(input.resolve("items.txt"), inside.resolve("items.txt"));
        assertEquals(0, run("add", "-p", project.toString(), "-f", "fake", inside.toString()));
        assertTrue(err.contains("Source 'inside' with format 'fake' has been added to the project"), err);
        assertEquals(0, run("export", "-p", project.toString(), "-f", "other", "-o", dir.resolve("o").toString()));
        assertEquals(2, Files.readAllLines(dir.resolve("o/items.txt")).size());
    }

    @Test
    void filtersItemsOnConvertAndExport() throws IOException {
        Path target = dir.resolve("out");
        assertEquals(0, run("convert", "-i", input.toString(), "-f", "other", "-o", target.toString(), "-e",
                "/item[subset=\"test\"]"));
        assertEquals(List.of("b test dog"), Files.readAllLines(target.resolve("items.txt")));
        assertEquals(1, run("convert", "-i", input.toString(), "-f", "other", "-o", dir.resolve("x").toString(), "-e",
                "/item[", "--filter-mode", "items"));
        assertTrue(err.contains("Failed to create XPath from expression '/item['"), err);
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void theProgressLineStaysQuietOnShortJobs() {
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine(new PrintStream(e, true, StandardCharsets.UTF_8), true);
        for (int pass = 1; pass <= 2; pass++) {
            progress.itemsRead(pass, 1, 2);
            progress.itemsRead(pass, 2, 2);
        }
        progress.finish();
        assertEquals("", e.toString(StandardCharsets.UTF_8), "nothing is shown for a job under a second");
    }

    @Test
    void importsAPathInsideTheDatasetWithR() throws IOException {
        Path outer = Files.createDirectories(dir.resolve("outer"));
        Files.move(input, outer.resolve("in"));
        Path project = dir.resolve("proj");
        assertEquals(0, run("create", "-o", project.toString()));
        assertEquals(1, run("import", "-p", project.toString(), "-f", "fake", "-r", "../x", outer.toString()));
        assertTrue(err.contains("is outside of the source"), err);
        assertEquals(0, run("import", "-p", project.toString(), "-f", "fake", "-r", "in", outer.toString()));
        assertTrue(Files.readString(project.resolve(Project.CONFIG)).contains("    path: in\n"));
        assertEquals(0, run("export", "-p", project.toString(), "-f", "other", "-o", dir.resolve("o").toString()));
        assertEquals(2, Files.readAllLines(dir.resolve("o/items.txt")).size());
    }
}
