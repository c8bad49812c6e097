package io.datum.cli.internal;

import io.datum.api.Dataset;
import io.datum.api.DatasetInput;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code datum convert}: one dataset from one format to another, through the API's pipeline
 * (open, the {@code -e} filter and any transforms, export).
 */
final class ConvertVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum convert")
                .description("Converts a dataset from one format to another.")
                .value(List.of("-i", "--input-path"), "SOURCE", "Input dataset path (default: current dir)", ".")
                .value(List.of("-if", "--input-format"), "INPUT_FORMAT",
                        "Input dataset format. Will try to detect, if not specified.")
                .required(List.of("-f", "--output-format"), "OUTPUT_FORMAT", "Output format")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Output directory (default: <input>-<format>)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-e", "--filter"), "FILTER", "XML XPath filter expression for dataset items")
                .value(List.of("--filter-mode"), "FILTER_MODE", "Filter mode (options: items, annotations, "
                        + "items+annotations; default: items)", "items")
                .extra("EXTRA_EXPORT_ARGS")
                .epilog(s.formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String outputFormat = o.value("output-format");
        // the export options are checked before anything is read
        s.registry().requireExporter(outputFormat).options().parse(o.extra());
        String input = o.value("input-path");
        Path inputPath = s.path(input);
        String inputFormat = o.value("input-format");
        if (inputFormat == null) {
            if (!Files.exists(inputPath)) {
                throw new CliException("Path " + input + " doesn't exist");
            }
            inputFormat = DatasetTargets.detectedFormat(inputPath, s, 2);
        }
        List<Transforms.Step> steps = new ArrayList<>(Transforms.filterSteps(o));
        // a same-format conversion copies the dataset unless it filters
        if (inputFormat.equals(outputFormat) && steps.isEmpty()) {
            throw new CliException("The source data format and the output data format is same as " + inputFormat + ".", 3);
        }
        s.registry().requireImporter(inputFormat);
        Names.OutputDir output = Names.outputDir(s, o.value("output-dir"),
                inputPath.getFileName() + "-" + Names.slug(outputFormat));
        if (!Files.exists(inputPath)) {
            throw new CliException("Failed to find dataset '" + inputFormat + "' at '" + inputPath + "'");
        }
        CliJobContext listener = new CliJobContext(s.log(), null, "Exporting the dataset");
        ExportResult result;
        try {
            Dataset dataset = Transforms.applyAll(
                    s.datum().open(List.of(new DatasetInput(inputPath, inputFormat, List.of(), input, input)), listener), steps);
            result = dataset.export(new ExportRequest(output.path(), outputFormat, o.extra(), o.flag("overwrite"), output.shown()));
        } finally {
            listener.flushWarnings();
        }
        s.log().info("Dataset exported to '" + result.output() + "' as '" + outputFormat + "'");
        return result;
    }
}
