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
 * {@code datum compare}: two datasets compared item by item (the reference's {@code equality}
 * method), the differences printed, and with {@code -o} written as {@code equality_compare.json}.
 * The command line exits with 0 when the datasets are equal and 1 when they differ, so that a
 * script can prove a round trip. With one target, the current project is the first dataset.
 */
final class CompareVerb implements Verb {
    static final String REPORT = "equality_compare.json";

    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Compares two datasets: the items only in one of them, and the items of both whose "
                        + "annotations or attributes differ (annotations are matched whatever their order; their "
                        + "ids and groups are not compared). Exits with 0 when they are equal, 1 when they differ.")
                .positional("first_target", Arity.ONE, "The first dataset revpath: path[:format], a project or a "
                        + "source name")
                .positional("second_target", Arity.OPTIONAL, "The second dataset revpath (default: the first is "
                        + "compared with the current project)")
                .value(List.of("-m", "--method"), "METHOD", "Comparison method (options: equality; default: "
                        + "equality)", "equality")
                .value(List.of("--tolerance"), "TOLERANCE", "Largest difference of two coordinates taken as equal, "
                        + "in pixels (default: 0)", "0")
                .repeated(List.of("-ia", "--ignore-attr"), "IGNORE_ATTR", "Annotation attribute not to compare "
                        + "(repeatable)")
                .repeated(List.of("-iia", "--ignore-item-attr"), "IGNORE_ITEM_ATTR", "Item attribute not to compare "
                        + "(repeatable)")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Directory to save the report " + REPORT
                        + " (default: none, the report is only printed)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to operate on (default: "
                        + "current dir)");
        ParsedOptions o = parser.parse(args);
        String method = o.value("method");
        if (!method.equals("equality")) {
            throw parser.error("argument -m/--method: invalid choice: '" + method + "' (choose from 'equality')");
        }
        double tolerance;
        try {
            tolerance = Double.parseDouble(o.value("tolerance"));
        } catch (NumberFormatException e) {
            tolerance = Double.NaN;
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw parser.error("argument --tolerance: expected a number of at least 0, got '" + o.value("tolerance") + "'");
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
        ComparisonOptions options = new ComparisonOptions(tolerance, Set.copyOf(o.values("ignore-attr")),
                Set.copyOf(o.values("ignore-item-attr")));
        CliJobContext listener = new CliJobContext(s.log(), null);
        DatasetComparison result;
        try {
            Dataset first = s.datum().open(DatasetTargets.resolve(firstTarget, o.value("project"), s), listener);
            Dataset second = s.datum().open(DatasetTargets.resolve(secondTarget, o.value("project"), s), listener);
            try (StagedOutput folder = shownOutput == null ? null
                    : StagedOutput.prepare(s.path(shownOutput), o.flag("overwrite"), shownOutput)) {
                result = first.compare(second, options);
                if (folder != null) {
                    Files.writeString(folder.workDir().resolve(REPORT), PythonJson.dumps(json(result), 2),
                            StandardCharsets.UTF_8);
                    folder.commit();
                }
            }
        } finally {
            listener.flushWarnings();
        }
        if (!s.returnsObjects()) {
            s.out().print(text(result));
        }
        if (shownOutput != null) {
            s.log().info("The results have been saved to '" + s.path(shownOutput).resolve(REPORT) + "'");
        }
        return result;
    }

    /** The report as {@code datum compare} prints it: each difference, then a summary line. */
    static String text(DatasetComparison c) {
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

    /** One line: equal, or how many of each kind of difference. */
    static String summary(DatasetComparison c) {
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
