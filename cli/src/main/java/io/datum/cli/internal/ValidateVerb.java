package io.datum.cli.internal;

import io.datum.text.PythonJson;
import io.datum.api.ValidationReport;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code datum validate}: the API's validation of a dataset for a task, written as Datumaro writes
 * it ({@code validation-report.json}, {@code validation-report-SUBSET.json} for one subset, a
 * numbered name when one exists) into the current folder or {@code -o}, and summed up on the
 * console. The file appears complete or not at all.
 */
final class ValidateVerb implements Verb {
    /** What the shell gets: the counts of the report and where it was written. */
    record Validated(String task, Path report, long errors, long warnings, Map<String, Long> anomalies) {
        String text() {
            StringBuilder sb = new StringBuilder("Validation (" + task + "): " + errors + " errors, " + warnings
                    + " warnings\n");
            anomalies.forEach((type, n) -> sb.append("  ").append(type).append(": ").append(n).append('\n'));
            return sb.toString();
        }
    }

    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum validate")
                .description("Validates a dataset according to the task type and reports summary in a JSON file "
                        + "(validation-report.json in the current directory, or in -o). Validator options follow "
                        + "'--' ('datum validate -t detection -- -h' lists them).")
                .positional("target", Arity.OPTIONAL, "Target dataset revpath (default: project)")
                .required(List.of("-t", "--task"), "TASK", "Task type for validation, one of classification, "
                        + "detection, segmentation")
                .value(List.of("-s", "--subset"), "SUBSET_NAME", "Subset to validate (default: whole dataset)")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to validate (default: "
                        + "current dir)")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Directory of the report (default: current dir)")
                .extra("EXTRA_ARGS");
        ParsedOptions o = parser.parse(args);
        List<String> extra = o.extra();
        if (ValidationReport.TASKS.stream().noneMatch(t -> t.equalsIgnoreCase(o.value("task")))) {
            throw parser.error("argument -t/--task: Unknown task type " + o.value("task") + ". Expected one of: "
                    + String.join(", ", ValidationReport.TASKS));
        }
        String subset = o.value("subset");
        Path folder = o.value("output-dir") == null ? s.cwd() : s.path(o.value("output-dir"));
        CliJobContext listener = new CliJobContext(s.log(), null);
        Validated result;
        try (ValidationReport report = s.datum()
                .open(DatasetTargets.resolve(o.positional("target"), o.value("project"), s), listener)
                .validate(o.value("task"), extra, subset)) {
            Files.createDirectories(folder);
            String file = NextFileName.in(folder, subset == null ? "validation-report"
                    : "validation-report-" + subset, ".json");
            s.log().info("Writing project validation results to '" + file + "'");
            // a name of this run, created as any file is (a temporary file would keep owner-only rights)
            Path staged = folder.resolve("." + file + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                    + ".part");
            try {
                try (Writer w = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
                    PythonJson.dump(report.values(), 2, w);
                }
                Files.move(staged, folder.resolve(file), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staged);
            }
            result = new Validated(report.task(), folder.resolve(file), report.errors(), report.warnings(),
                    report.anomalies());
        } finally {
            listener.flushWarnings();
        }
        if (!s.returnsObjects()) {
            s.out().print(result.text());
        }
        return result;
    }
}
