package io.datum.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.DatasetInfo;
import io.datum.api.ExportResult;
import io.datum.registry.DetectionReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verbs as the shell calls them: the API's result returned as an object (nothing printed of
 * it), and {@link ShellFormats} printing it as {@code bin/datum} would; plus {@code datum transforms}.
 */
class VerbResultsTest extends CommandLineFixture {
    /** What the last {@link #call} printed on standard output and on standard error. */
    private String printed;
    private String logged;

    @BeforeEach
    void writeInput() throws IOException {
        catsAndDogs();
    }

    private DatumCommandLine.Outcome call(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        DatumCommandLine.Outcome outcome = datum.call(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        printed = o.toString(StandardCharsets.UTF_8);
        logged = e.toString(StandardCharsets.UTF_8);
        return outcome;
    }

    private static String shown(Object result) {
        return new ShellFormats().format(result, Converter.INSPECT, null).toString();
    }

    @Test
    void convertReturnsTheExportResultWithItemsAndWarnings() {
        Path out = dir.resolve("out");
        DatumCommandLine.Outcome o = call("convert", "-i", "in", "-f", "other", "-o", "out", "-e", "/item[subset='test']");
        assertEquals(0, o.exitCode(), logged);
        ExportResult r = assertInstanceOf(ExportResult.class, o.result());
        assertEquals(out, r.output());
        assertEquals(2, r.items());
        assertEquals(2, r.warningCount());
        assertEquals("exported 2 items to " + out + " as other\nwarning: fake warning: 2 times", shown(r));
        assertTrue(logged.contains("WARNING: fake warning: 2 times"), logged);
    }

    @Test
    void detectAndDinfoReturnTheReportAndTheInfoWithoutPrintingThem() {
        DetectionReport report = assertInstanceOf(DetectionReport.class, call("detect", "in").result());
        assertEquals(List.of("fake"), report.detected());
        assertEquals("", printed);
        assertEquals("Detected format: fake", shown(report));
        DatasetInfo info = assertInstanceOf(DatasetInfo.class, call("dinfo", "in:fake").result());
        assertEquals(3, info.length());
        assertEquals("", printed);
        run("dinfo", "in:fake");
        assertEquals(out.stripTrailing(), shown(info), "the shell shows what bin/datum prints");
    }

    @Test
    void aVerbWithoutAResultPrintsAsOnTheCommandLine() {
        DatumCommandLine.Outcome o = call("create", "-o", "proj");
        assertEquals(0, o.exitCode());
        assertNull(o.result());
        assertEquals(2, call("convert", "--no-such-option").exitCode());
    }

    @Test
    void transformsListsTheTransformsWithTheirProvider() {
        assertEquals(0, run("transforms"));
        List<String> lines = out.lines().toList();
        assertEquals("TRANSFORM             PROVIDED BY", lines.get(0));
        assertTrue(lines.get(1).startsWith("boxes_to_masks        "), out);
        assertTrue(lines.get(10).startsWith("remap_labels          "), out);
        assertEquals(0, run("transforms", "--names"));
        assertEquals(List.of("boxes_to_masks", "filter", "id_from_image_name", "map_subsets", "masks_to_polygons", "polygons_to_masks", "project_labels",
                "random_split", "reindex", "remap_labels", "remove_annotations", "remove_attributes", "remove_items",
                "remove_unused_labels", "rename", "select_classes", "shapes_to_boxes"), out.lines().toList());
        Object installed = call("transforms").result();
        assertEquals(shown(installed), datumTransformsTable());
    }

    private String datumTransformsTable() {
        run("transforms");
        return out.stripTrailing();
    }

    @Test
    void twoBundlesWithOneTransformNameAreListedAndWarnedAbout() {
        io.datum.core.internal.FormatTable table = new io.datum.core.internal.FormatTable();
        io.datum.spi.transform.DatasetTransform t = (source, options, context) -> source;
        table.add(io.datum.core.internal.FormatTable.Role.TRANSFORM, t, "shuffle", 0,
                new io.datum.core.internal.FormatTable.Provider("a.bundle", "1.0.0", "", 3));
        table.add(io.datum.core.internal.FormatTable.Role.TRANSFORM, t, "shuffle", 0,
                new io.datum.core.internal.FormatTable.Provider("b.bundle", "1.1.0", "", 4));
        datum = new DatumCommandLine(table, dir);
        assertEquals(0, call("transforms").exitCode());
        assertEquals("TRANSFORM  PROVIDED BY\nshuffle    b.bundle 1.1.0  (clash: also a.bundle 1.0.0, not used)",
                shown(call("transforms").result()));
        assertTrue(logged.contains("WARNING: transform 'shuffle' is provided by 2 bundles: using b.bundle 1.1.0, not "
                + "a.bundle 1.0.0"), logged);
    }

    @Test
    void aFilterModeIsCheckedEvenWithoutAnExpression() {
        assertEquals(1, call("convert", "-i", "in", "-f", "other", "-o", "x", "--filter-mode", "sideways").exitCode());
        assertTrue(logged.contains("ERROR: Unknown filter mode 'sideways'"), logged);
        assertTrue(!Files.exists(dir.resolve("x")), "nothing written");
        ExportResult all = (ExportResult) call("convert", "-i", "in", "-f", "other", "-o", "y", "--filter-mode", "i+a").result();
        assertEquals(3, all.items(), "without an expression every item passes");
    }
}
