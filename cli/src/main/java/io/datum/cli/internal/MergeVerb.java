package io.datum.cli.internal;

import io.datum.text.PythonJson;
import io.datum.api.DatasetInput;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code datum merge}: several datasets merged by the {@code union} policy and written in one
 * format, with the reference's {@code merge_report.json} beside the data. One target merges the
 * current project with it; several merge only those. The output format defaults to the targets'
 * own when they share one (the reference's default, its own {@code datumaro} format, is not
 * provided here).
 */
final class MergeVerb implements Verb {
    static final String REPORT = "merge_report.json";

    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Merges several datasets: their labels united by name, every item kept; an item "
                        + "(id and subset) found in several of them is kept from each, renamed '<id>-<n>' after the "
                        + "n-th target. With one target, the current project is merged with it.")
                .positional("targets", Arity.AT_LEAST_ONE, "Target dataset revpaths: dataset path[:format], "
                        + "source names or 'project'")
                .value(List.of("-m", "--merge-policy"), "MERGE_POLICY", "Policy for how to merge datasets (options: "
                        + "union; default: union)", "union")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Output directory (default: merged)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-f", "--format"), "FORMAT", "Output format (default: the targets' format, when "
                        + "they share one)")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to operate on (default: "
                        + "current dir)")
                .extra("EXTRA_EXPORT_ARGS")
                .epilog(s.formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String policy = o.value("merge-policy");
        if (policy.equals("exact") || policy.equals("intersect")) {
            throw new CliException("Merge policy '" + policy + "' is not provided by datum: only 'union' (every item "
                    + "of every dataset kept)");
        }
        if (!policy.equals("union")) {
            throw new CliException(policy + " is invalid Merger name.");
        }
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
        String shownOutput = o.value("output-dir");
        Path output = shownOutput != null ? s.path(shownOutput) : s.cwd().resolve(Names.nextFree(s.cwd(), "merged", "."));
        if (shownOutput == null) {
            shownOutput = output.getFileName().toString();
        }
        CliJobContext listener = new CliJobContext(s.log(), null, "Merging...");
        ExportResult result;
        try {
            result = s.datum().merge(inputs, listener)
                    .export(new ExportRequest(output, format, o.extra(), o.flag("overwrite"), shownOutput));
        } finally {
            listener.flushWarnings();
        }
        Path report = result.output().resolve(REPORT);
        Map<String, Object> clean = new LinkedHashMap<>();
        clean.put("Item errors", Map.of());
        clean.put("Source errors", Map.of());
        clean.put("All errors", List.of());
        Files.writeString(report, PythonJson.dumps(clean, 2), StandardCharsets.UTF_8);
        s.log().info("Merge results have been saved to '" + result.output() + "'");
        s.log().info("Report has been saved to '" + report + "'");
        return result;
    }
}
