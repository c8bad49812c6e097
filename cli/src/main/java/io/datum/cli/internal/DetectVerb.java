package io.datum.cli.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import io.datum.registry.DetectionReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code datum detect} ({@code detect-format}): the API's detection report, as text and optionally as JSON. */
final class DetectVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Detects the format of a dataset.")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (ignored: formats come from "
                        + "the installed bundles)")
                .flag("--show-rejections", "Describe why each supported format that wasn't detected was rejected")
                .value(List.of("--json-report"), "JSON_REPORT", "Path to which to save a JSON report describing "
                        + "detected and rejected formats")
                .value(List.of("--depth"), "DEPTH", "The maximum depth for recursive search (default: 2)", "2")
                .positional("url", Arity.ONE, "URL to the dataset; a path to a directory");
        ParsedOptions o = parser.parse(args);
        int depth = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parser.intValue("--depth", o.value("depth"))));
        String url = o.positional("url");
        Path path = s.path(url);
        if (!Files.exists(path)) {
            throw new CliException("Path " + url + " doesn't exist");
        }
        DetectionReport report = s.datum().detection(path, depth);
        if (!s.returnsObjects()) {
            s.out().print(text(report, o.flag("show-rejections")));
        }
        String json = o.value("json-report");
        if (json != null) {
            Files.writeString(s.path(json), json(report), StandardCharsets.UTF_8);
        }
        return report;
    }

    /** The report as {@code datum detect} prints it, the rejections included when asked. */
    static String text(DetectionReport report, boolean showRejections) {
        StringBuilder out = new StringBuilder();
        if (report.detected().size() == 1) {
            out.append("Detected format: ").append(report.detected().get(0)).append('\n');
        } else if (report.detected().isEmpty()) {
            out.append("Unable to detect the format\n");
        } else {
            out.append("Ambiguous dataset; detected the following formats:\n\n");
            for (String f : report.detected()) {
                out.append("- ").append(f).append('\n');
            }
        }
        if (showRejections) {
            out.append('\n');
            if (report.rejected().isEmpty()) {
                out.append("No formats were rejected.\n");
            } else {
                out.append("The following formats were rejected:\n\n");
                report.rejected().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    out.append(e.getKey()).append(":\n");
                    for (String line : e.getValue().message().split("\n")) {
                        out.append("  ").append(line).append('\n');
                    }
                });
            }
        }
        return out.toString();
    }

    private static String json(DetectionReport report) {
        JsonObject root = new JsonObject();
        JsonObject rejected = new JsonObject();
        report.rejected().forEach((f, r) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("reason", r.reason());
            entry.addProperty("message", r.message());
            rejected.add(f, entry);
        });
        root.add("rejected_formats", rejected);
        JsonArray detected = new JsonArray();
        report.detected().forEach(detected::add);
        root.add("detected_formats", detected);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
