package io.datum.cli.internal;

import io.datum.api.DatasetStatistics;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import io.datum.text.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** {@code datum stats}: the API's dataset statistics, written as {@code statistics.json} in the current folder. */
final class StatsVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum stats")
                .description("Computes dataset statistics and writes them to statistics.json in the current "
                        + "directory.")
                .value(List.of("-s", "--subset"), "SUBSET", "Compute stats only for a specific subset")
                .value(List.of("--image-stats"), "IMAGE_STATS", "Compute image mean, std and repeated images "
                        + "(decodes every image; default: True)", "true")
                .value(List.of("--ann-stats"), "ANN_STATS", "Compute annotation statistics (default: True)", "true")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)")
                .positional("target", Arity.OPTIONAL, "Target dataset revpath: path[:format], a project or a source "
                        + "name (default: project)");
        ParsedOptions o = parser.parse(args);
        boolean images = toBool(parser, "--image-stats", o.value("image-stats"));
        boolean annotations = toBool(parser, "--ann-stats", o.value("ann-stats"));
        CliJobContext listener = new CliJobContext(s.log(), null);
        DatasetStatistics result;
        try {
            result = s.datum().open(DatasetTargets.resolve(o.positional("target"), o.value("project"), s), listener)
                    .statistics(o.value("subset"), images, annotations);
        } finally {
            listener.flushWarnings();
        }
        String file = NextFileName.in(s.cwd(), "statistics", ".json");
        s.log().info("Writing project statistics to '" + file + "'");
        Files.writeString(s.cwd().resolve(file), PythonJson.dumps(result.values(), 2), StandardCharsets.UTF_8);
        return result;
    }

    private static boolean toBool(OptionParser parser, String option, String value) {
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1":
                return true;
            case "false", "f", "no", "n", "off", "0":
                return false;
            default:
                throw parser.error("argument " + option + ": invalid to_bool value: '" + value + "'");
        }
    }
}
