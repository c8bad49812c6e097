package io.datum.cli.internal;

import io.datum.text.PythonJson;
import io.datum.api.ComparisonOptions;
import io.datum.api.Dataset;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetComparison.ItemDifference;
import io.datum.api.DatasetComparison.ItemRef;
import io.datum.api.StagedOutput;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code datum compare}: two datasets compared by one of the reference's three methods, the result
 * printed, and with {@code -o} written as the reference names its reports. {@code table} (the
 * default) puts the statistics of both side by side ({@code table_compare.json},
 * {@code table_compare.txt}); {@code equality} compares them item by item
 * ({@code equality_compare.json}), and the command line then exits with 0 when they are equal and
 * 1 when they differ, so that a script can prove a round trip; {@code distance} matches their
 * annotations by overlap ({@code label_diff.txt}, and {@code distance_compare.json} for what the
 * reference draws). With one target, the current project is the first dataset.
 */
final class CompareVerb implements Verb {
    static final String REPORT = "equality_compare.json";
    static final String TABLE_REPORT = "table_compare";
    static final String LABEL_DIFF = "label_diff.txt";
    static final String DISTANCE_REPORT = "distance_compare.json";
    private static final List<String> METHODS = List.of("table", "equality", "distance");

    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Compares two datasets by a method: 'table' puts their statistics side by side; "
                        + "'equality' lists the items only in one of them and the items of both whose annotations or "
                        + "attributes differ (annotations are matched whatever their order; their ids and groups are "
                        + "not compared), and exits with 0 when they are equal, 1 when they differ; 'distance' "
                        + "matches their labels, boxes, polygons and masks by overlap.")
                .positional("first_target", Arity.ONE, "The first dataset revpath: path[:format], a project or a "
                        + "source name")
                .positional("second_target", Arity.OPTIONAL, "The second dataset revpath (default: the first is "
                        + "compared with the current project)")
                .value(List.of("-m", "--method"), "METHOD", "Comparison method, one of table, equality, distance "
                        + "(default: table)", "table")
                .value(List.of("--iou-thresh"), "IOU_THRESH", "Distance method: IoU match threshold for shapes "
                        + "(default: 0.5)", "0.5")
                .value(List.of("-f", "--format"), "FORMAT", "Distance method: output format, only simple (text "
                        + "files) (default: simple)", "simple")
                .value(List.of("--tolerance"), "TOLERANCE", "Equality method: largest difference of two coordinates "
                        + "taken as equal, in pixels (default: 0)", "0")
                .repeated(List.of("-ia", "--ignore-attr"), "IGNORE_ATTR", "Equality method: annotation attribute "
                        + "not to compare (repeatable)")
                .repeated(List.of("-iia", "--ignore-item-attr"), "IGNORE_ITEM_ATTR", "Equality method: item "
                        + "attribute not to compare (repeatable)")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Directory to save the report (default: none, the "
                        + "result is only printed)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to operate on (default: "
                        + "current dir)");
        ParsedOptions o = parser.parse(args);
        String method = o.value("method").toLowerCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw parser.error("argument -m/--method: invalid choice: '" + o.value("method")
                    + "' (choose from 'table', 'equality', 'distance')");
        }
        double tolerance = number(o.value("tolerance"));
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw parser.error("argument --tolerance: expected a number of at least 0, got '" + o.value("tolerance") + "'");
        }
        double iou = number(o.value("iou-thresh"));
        if (!(iou >= 0 && iou <= 1)) {
            throw parser.error("argument --iou-thresh: expected a number from 0 to 1, got '" + o.value("iou-thresh") + "'");
        }
        if (!o.value("format").equalsIgnoreCase("simple")) {
            throw parser.error("argument -f/--format: invalid choice: '" + o.value("format")
                    + "' (choose from 'simple')");
        }
        String firstTarget = o.positional("first_target");
        String secondTarget = o.positional("second_target");
        if (secondTarget == null) {
            String project = o.value("project") == null ? "." : o.value("project");
            if (!Project.exists(s.path(project))) {
                throw new CliException("One target is compared with the current project, and there is no project "
                        + "at '" + project + "': give two targets, or the project with -p");
            }
            secondTarget = firstTarget;
            firstTarget = null;
        }
        String shownOutput = o.value("output-dir");
        ComparisonOptions options = new ComparisonOptions(
                ComparisonOptions.Method.valueOf(method.toUpperCase(java.util.Locale.ROOT)), tolerance,
                Set.copyOf(o.values("ignore-attr")), Set.copyOf(o.values("ignore-item-attr")), iou);
        CliJobContext listener = new CliJobContext(s.log(), null);
        DatasetComparison result;
        List<String> written;
        try {
            Dataset first = s.datum().open(DatasetTargets.resolve(firstTarget, o.value("project"), s), listener);
            Dataset second = s.datum().open(DatasetTargets.resolve(secondTarget, o.value("project"), s), listener);
            try (StagedOutput folder = shownOutput == null ? null
                    : StagedOutput.prepare(s.path(shownOutput), o.flag("overwrite"), shownOutput)) {
                result = first.compare(second, options);
                written = folder == null ? List.of() : writeReports(result, folder.workDir());
                if (folder != null) {
                    folder.commit();
                }
            }
        } finally {
            listener.flushWarnings();
        }
        if (!s.returnsObjects()) {
            s.out().print(text(result));
        }
        for (String file : written) {
            s.log().info("The results have been saved to '" + s.path(shownOutput).resolve(file) + "'");
        }
        return result;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Writes the method's report files into {@code dir}; returns their names. */
    private static List<String> writeReports(DatasetComparison c, java.nio.file.Path dir) throws IOException {
        switch (c.method()) {
            case TABLE -> {
                Files.writeString(dir.resolve(TABLE_REPORT + ".json"), PythonJson.dumps(CompareTables.json(c.table()), 2),
                        StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(TABLE_REPORT + ".txt"), CompareTables.text(c.table(), "Comparison"),
                        StandardCharsets.UTF_8);
                return List.of(TABLE_REPORT + ".json", TABLE_REPORT + ".txt");
            }
            case DISTANCE -> {
                List<String> files = new java.util.ArrayList<>();
                String labelDiff = CompareDistances.labelDiff(c.distance());
                if (!labelDiff.isEmpty()) {
                    Files.writeString(dir.resolve(LABEL_DIFF), labelDiff, StandardCharsets.UTF_8);
                    files.add(LABEL_DIFF);
                }
                Files.writeString(dir.resolve(DISTANCE_REPORT), PythonJson.dumps(CompareDistances.json(c), 2),
                        StandardCharsets.UTF_8);
                files.add(DISTANCE_REPORT);
                return files;
            }
            default -> {
                Files.writeString(dir.resolve(REPORT), PythonJson.dumps(json(c), 2), StandardCharsets.UTF_8);
                return List.of(REPORT);
            }
        }
    }

    /** The result as {@code datum compare} prints it, by the method that made it. */
    static String text(DatasetComparison c) {
        return switch (c.method()) {
            case TABLE -> CompareTables.text(c.table(), "comparison");
            case DISTANCE -> CompareDistances.text(c);
            default -> equalityText(c);
        };
    }

    /** By equality: each difference, then a summary line. */
    private static String equalityText(DatasetComparison c) {
        StringBuilder out = new StringBuilder();
        c.labelDifferences().forEach(l -> out.append("Labels: ").append(l).append('\n'));
        for (ItemRef item : c.onlyInFirst()) {
            out.append("Only in the first: ").append(item.subset()).append('/').append(item.id()).append('\n');
        }
        for (ItemRef item : c.onlyInSecond()) {
            out.append("Only in the second: ").append(item.subset()).append('/').append(item.id()).append('\n');
        }
        for (ItemDifference item : c.different()) {
            out.append("Different: ").append(item.subset()).append('/').append(item.id()).append('\n');
            item.details().forEach(d -> out.append("  ").append(d).append('\n'));
        }
        return out.append(summary(c)).append('\n').toString();
    }

    /** One line: equal, or how many of each kind of difference; for the other methods, what was compared. */
    static String summary(DatasetComparison c) {
        if (c.method() == ComparisonOptions.Method.TABLE) {
            return "table comparison of " + c.firstItems() + " and " + c.secondItems() + " items";
        }
        if (c.method() == ComparisonOptions.Method.DISTANCE) {
            return CompareDistances.summary(c);
        }
        String counts = c.firstItems() + " and " + c.secondItems() + " items";
        if (c.equal()) {
            return "The datasets are equal (" + counts + ")";
        }
        return "The datasets differ (" + counts + "): " + c.labelDifferences().size() + " label differences, "
                + c.onlyInFirst().size() + " items only in the first, " + c.onlyInSecond().size()
                + " only in the second, " + c.different().size() + " different";
    }

    /** The report file: the reference's keys, each item as [id, subset]. */
    private static Map<String, Object> json(DatasetComparison c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mismatches", c.different().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", List.of(d.id(), d.subset()));
            m.put("differences", d.details());
            return (Object) m;
        }).toList());
        out.put("a_extra_items", c.onlyInFirst().stream().map(i -> (Object) List.of(i.id(), i.subset())).toList());
        out.put("b_extra_items", c.onlyInSecond().stream().map(i -> (Object) List.of(i.id(), i.subset())).toList());
        out.put("errors", c.labelDifferences());
        return out;
    }
}
