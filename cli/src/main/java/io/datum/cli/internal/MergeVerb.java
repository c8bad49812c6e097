package io.datum.cli.internal;

import io.datum.api.DatasetInput;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.api.MergeOptions;
import io.datum.api.MergePolicy;
import io.datum.api.MergeReport;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code datum merge}: several datasets merged by one of the reference's policies and written in
 * one format, with the reference's {@code merge_report.json} beside the data. One target merges
 * the current project with it; several merge only those. The work is the API's
 * ({@code Datum.merge} with {@link MergeOptions}); this verb parses the options and writes the
 * report. The output format defaults to the targets' own when they share one (the reference's
 * default, its own {@code datumaro} format, is not provided here).
 */
final class MergeVerb implements Verb {
    static final String REPORT = "merge_report.json";

    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Merges several datasets into one. 'union' (the default) unites their labels by name and "
                        + "keeps every item, an item (id and subset) found in several of them kept from each, renamed "
                        + "'<id>-<n>' after the n-th target. 'exact' needs the same labels everywhere and joins the "
                        + "items of one id and subset into one: their images, attributes and annotations must agree. "
                        + "'intersect' joins them too, matching their annotations (shapes by IoU, labels and "
                        + "attributes by vote) and reporting what does not agree in merge_report.json. With one "
                        + "target, the current project is merged with it.")
                .positional("targets", Arity.AT_LEAST_ONE, "Target dataset revpaths: dataset path[:format], "
                        + "source names or 'project'")
                .value(List.of("-m", "--merge-policy"), "MERGE_POLICY", "Policy for how to merge datasets (options: "
                        + "union, intersect, exact; default: union)", "union")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Output directory (default: merged)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-f", "--format"), "FORMAT", "Output format (default: the targets' format, when "
                        + "they share one)")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to operate on (default: "
                        + "current dir)")
                .value(List.of("-iou", "--iou-thresh"), "IOU_THRESH", "IoU match threshold for segments (default: "
                        + "0.25)", "0.25")
                .value(List.of("-oconf", "--output-conf-thresh"), "OUTPUT_CONF_THRESH", "Confidence threshold for "
                        + "output annotations (default: 0.0)", "0.0")
                .value(List.of("--quorum"), "QUORUM", "Minimum count for a label and attribute voting results to be "
                        + "counted (default: 0)", "0")
                .repeated(List.of("-g", "--groups"), "GROUPS", "A comma-separated list of labels in annotation groups "
                        + "to check. '?' postfix can be added to a label to make it optional in the group (repeatable)")
                .extra("EXTRA_EXPORT_ARGS")
                .epilog(s.formatsEpilog());
        ParsedOptions o = parser.parse(args);
        MergePolicy policy;
        try {
            policy = MergePolicy.named(o.value("merge-policy"));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        List<List<String>> groups = new ArrayList<>();
        o.values("groups").forEach(g -> groups.add(List.of(g.split(",", -1))));
        MergeReport report = new MergeReport();
        MergeOptions options = MergeOptions.of(policy)
                .withIouThreshold(parser.floatValue("-iou/--iou-thresh", o.value("iou-thresh")))
                .withOutputConfThreshold(parser.floatValue("-oconf/--output-conf-thresh", o.value("output-conf-thresh")))
                .withQuorum(quorum(parser.intValue("--quorum", o.value("quorum"))))
                .withGroups(groups)
                .reportingTo(report);
        List<String> targets = o.positionals("targets");
        List<DatasetInput> inputs = new ArrayList<>();
        if (targets.size() == 1) {
            String project = o.value("project") == null ? "." : o.value("project");
            if (!Project.exists(s.path(project))) {
                throw new CliException("One target is merged with the current project, and there is no project at '"
                        + project + "': give two targets or more, or the project with -p");
            }
            inputs.addAll(DatasetTargets.resolve(null, o.value("project"), s));
        }
        for (String target : targets) {
            inputs.addAll(DatasetTargets.resolve(target, o.value("project"), s));
        }
        String format = o.value("format");
        if (format == null) {
            format = inputs.get(0).format();
            for (DatasetInput input : inputs) {
                if (!input.format().equals(format)) {
                    throw new CliException("The targets are in different formats ('" + format + "' and '"
                            + input.format() + "'): choose the output format with -f/--format");
                }
            }
        }
        // the export options are checked before anything is read
        s.registry().requireExporter(format).options().parse(o.extra());
        Names.OutputDir output = Names.outputDir(s, o.value("output-dir"), "merged");
        CliJobContext listener = new CliJobContext(s.log(), null, "Merging...");
        ExportResult result;
        try {
            result = s.datum().merge(inputs, options, listener)
                    .export(new ExportRequest(output.path(), format, o.extra(), o.flag("overwrite"), output.shown()));
        } finally {
            listener.flushWarnings();
        }
        Path reportFile = result.output().resolve(REPORT);
        report.write(reportFile);
        s.log().info("Merge results have been saved to '" + result.output() + "'");
        s.log().info("Report has been saved to '" + reportFile + "'");
        return result;
    }

    /** A quorum beyond what an int holds asks for more votes than any merge has: the largest int asks the same. */
    private static int quorum(long votes) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, votes));
    }
}
