package io.datum.cli.internal;

import io.datum.api.DatasetInput;
import io.datum.registry.DetectionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The datasets a verb works on, resolved as the reference resolves a revpath: a project folder,
 * {@code project} or a source name of the current project, else a dataset path
 * {@code path[:format]} (format detected, depth 2, when absent).
 */
final class DatasetTargets {
    private DatasetTargets() {
    }

    /** The inputs of a verb's target; when none resolves, every way that failed is listed. */
    static List<DatasetInput> resolve(String target, String projectOption, Session s) throws IOException {
        List<String> problems = new ArrayList<>();
        String spec = target == null ? "project" : target;
        Path projectDir = s.path(projectOption == null ? "." : projectOption);
        if (target != null && Project.exists(s.path(target))) {
            Project p = Project.open(s.path(target), target);
            return inputsOf(p, nonEmpty(p, p.sources()));
        }
        if (Project.exists(projectDir)) {
            Project p = Project.open(projectDir, projectOption == null ? "." : projectOption);
            if (spec.equals("project")) {
                return inputsOf(p, nonEmpty(p, p.sources()));
            }
            for (Project.Source source : p.sources()) {
                if (source.name().equals(spec)) {
                    return inputsOf(p, List.of(source));
                }
            }
            problems.add("Unknown target '" + spec + "' in the project at '" + projectDir + "'");
        } else {
            problems.add("Can't find project at '" + (projectOption == null ? "." : projectOption) + "'");
        }
        int colon = -1;
        for (int i = 0; i < spec.length(); i++) {
            if (spec.charAt(i) == ':' && (i + 1 >= spec.length() || (spec.charAt(i + 1) != '/' && spec.charAt(i + 1) != '\\'))) {
                colon = i;
                break;
            }
        }
        String pathPart = colon < 0 ? spec : spec.substring(0, colon);
        String format = colon < 0 ? null : spec.substring(colon + 1);
        Path path = s.path(pathPart);
        if (!Files.exists(path)) {
            problems.add("Path " + pathPart + " doesn't exist");
            throw new CliException("Failed to parse revspec:\n  " + String.join("\n  ", problems));
        }
        if (format == null) {
            DetectionReport report = s.datum().detection(path, 2);
            if (report.detected().size() != 1) {
                problems.add(report.detected().isEmpty() ? "Failed to detect the format of '" + pathPart + "'"
                        : "Multiple formats match '" + pathPart + "': " + String.join(", ", report.detected()));
                throw new CliException("Failed to parse revspec:\n  " + String.join("\n  ", problems));
            }
            format = report.detected().get(0);
        }
        return List.of(new DatasetInput(path, format, List.of(), pathPart, pathPart));
    }

    /**
     * The one format that detection (depth 1) finds in the dataset at {@code path}, given with
     * {@code -i}, and logged; with the reference's messages when none or several match, several
     * exiting with {@code severalExitCode} (convert gives the reference's 2; transform's {@code -i},
     * which the reference does not have, has always given 1).
     */
    static String detectedFormat(Path path, Session s, int severalExitCode) {
        DetectionReport report = s.datum().detection(path, 1);
        if (report.detected().isEmpty()) {
            throw new CliException("Failed to detect dataset format. Try to specify format with "
                    + "'-if/--input-format' parameter.");
        }
        if (report.detected().size() > 1) {
            throw new CliException("Multiple formats match the dataset: " + String.join(", ", report.detected())
                    + ". Try to specify format with '-if/--input-format' parameter.", severalExitCode);
        }
        String format = report.detected().get(0);
        s.log().info("Source dataset format detected as " + format);
        return format;
    }

    /** The sources of a project as inputs: named by their source names, shown by their paths. */
    static List<DatasetInput> inputsOf(Project project, List<Project.Source> sources) {
        return sources.stream().map(source -> new DatasetInput(project.dataOf(source), source.format(),
                List.of(), project.dataOf(source).toString(), source.name())).toList();
    }

    private static List<Project.Source> nonEmpty(Project p, List<Project.Source> sources) {
        if (sources.isEmpty()) {
            throw new CliException("The project at '" + p.root() + "' has no sources");
        }
        return sources;
    }
}
