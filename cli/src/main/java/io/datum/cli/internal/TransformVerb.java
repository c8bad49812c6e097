package io.datum.cli.internal;

import io.datum.api.Dataset;
import io.datum.api.DatasetInput;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import io.datum.registry.TransformInfo;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code datum transform}: one dataset (a project, one of its sources, or a dataset path) through
 * one or more transforms, written in its own format into a new folder. Each {@code -t NAME} takes
 * one group of options after {@code --}: with one transform every argument after the first
 * {@code --} is its options; with several, the arguments after the first {@code --} are cut at
 * each further {@code --}, the n-th group going to the n-th {@code -t} (the last group keeps any
 * {@code --} left over; a transform without a group has no options). The input is never written to: the output must be a folder outside it.
 */
final class TransformVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Applies a batch operation to a dataset and produces a new dataset in the same format. "
                        + "Several '-t' chain transforms in their order; each takes its options from its own group "
                        + "after '--' (groups separated by '--'): 'datum transform -t a -t b -- OPTIONS_A -- "
                        + "OPTIONS_B'. Help of a transform: 'datum transform -t NAME -- -h'.")
                .positional("target", Arity.OPTIONAL, "Target dataset revpath: a dataset path[:format], a source "
                        + "name or 'project' (default: project)")
                .repeated(List.of("-t", "--transform"), "TRANSFORM", "Transform to apply to the dataset (repeatable: "
                        + "the transforms run in this order)");
        addInOwnFormatOptions(parser)
                .extra("EXTRA_ARGS")
                .epilog("Builtin transforms: " + String.join(", ", s.registry().transforms().stream()
                        .map(TransformInfo::name).toList()));
        ParsedOptions o = parser.parse(args);
        List<String> names = o.values("transform");
        if (names.isEmpty()) {
            throw parser.error("the following arguments are required: -t/--transform");
        }
        List<Transforms.Step> steps = steps(names, o.extra(), s);
        return inOwnFormat(parser, o, steps, s, "Transforming...");
    }

    /** Declares the input and output options that {@link #inOwnFormat} reads, in their help order. */
    static OptionParser addInOwnFormatOptions(OptionParser parser) {
        return parser
                .value(List.of("-i", "--input-path"), "SOURCE", "Input dataset path, instead of a target")
                .value(List.of("-if", "--input-format"), "INPUT_FORMAT",
                        "Format of --input-path. Will try to detect, if not specified.")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Output directory (required: the input is never "
                        + "changed in place)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to operate on (default: "
                        + "current dir)");
    }

    /**
     * Runs {@code steps} on the dataset of a verb's target or {@code -i/-if} and writes the result
     * in that dataset's format into {@code -o}, which is required and must lie outside the input
     * (what {@code transform} and {@code filter} share; their parsers declare these options with
     * {@link #addInOwnFormatOptions}). Reports where the result was saved.
     */
    static ExportResult inOwnFormat(OptionParser parser, ParsedOptions o, List<Transforms.Step> steps, Session s,
                                    String progress) throws IOException {
        if (o.value("output-dir") == null) {
            throw parser.error("the following arguments are required: -o/--output-dir (the input is never changed "
                    + "in place)");
        }
        if (o.value("input-path") != null && o.positional("target") != null) {
            throw parser.error("argument -i/--input-path: not allowed with a target");
        }
        List<DatasetInput> inputs = o.value("input-path") != null ? pathInput(o, s)
                : DatasetTargets.resolve(o.positional("target"), o.value("project"), s);
        String format = inputs.get(0).format();
        for (DatasetInput input : inputs) {
            if (!input.format().equals(format)) {
                throw new CliException("The sources are in different formats ('" + format + "' and '"
                        + input.format() + "'): transform one source at a time, naming it as the target");
            }
        }
        String shownOutput = o.value("output-dir");
        Path output = s.path(shownOutput);
        for (DatasetInput input : inputs) {
            Path in = input.path().toAbsolutePath().normalize();
            if (output.startsWith(in) || in.startsWith(output)) {
                throw new CliException("The output directory '" + shownOutput + "' overlaps the input '"
                        + input.shownAs() + "': write the result to a folder outside the input");
            }
        }
        List<String> exportOptions = mediaOption(format, s);
        CliJobContext listener = new CliJobContext(s.log(), null, progress);
        ExportResult result;
        try {
            Dataset dataset = Transforms.applyAll(s.datum().open(inputs, listener), steps);
            result = dataset.export(new ExportRequest(output, format, exportOptions, o.flag("overwrite"), shownOutput));
        } finally {
            listener.flushWarnings();
        }
        s.log().info("Results have been saved to '" + result.output() + "'");
        return result;
    }

    /**
     * The steps of {@code -t} names and the groups of options after {@code --}, each checked by
     * its transform's parser now, so that a typo fails before anything is read; a {@code -h}
     * among a transform's options prints that transform's help.
     */
    private static List<Transforms.Step> steps(List<String> names, List<String> extra, Session s) {
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : extra) {
            if (arg.equals("--") && groups.size() < names.size() - 1) {
                groups.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        groups.add(current);
        List<Transforms.Step> steps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            List<String> options = i < groups.size() ? groups.get(i) : List.of();
            s.registry().transform(name).orElseThrow(() -> new CliException("Transform '" + name + "' is not found; "
                    + "'datum transforms' lists the installed ones (" + String.join(", ", s.registry().transforms()
                    .stream().map(TransformInfo::name).toList()) + ")")).options().parse(options);
            steps.add(new Transforms.Step(name, options));
        }
        return steps;
    }

    /** The input of {@code -i} and {@code -if}, its format detected when not given. */
    private static List<DatasetInput> pathInput(ParsedOptions o, Session s) {
        String input = o.value("input-path");
        Path path = s.path(input);
        if (!Files.exists(path)) {
            throw new CliException("Path " + input + " doesn't exist");
        }
        String format = o.value("input-format");
        if (format == null) {
            format = DatasetTargets.detectedFormat(path, s, 1);
        }
        s.registry().requireImporter(format);
        return List.of(new DatasetInput(path, format, List.of(), input, input));
    }

    /**
     * The media are written with the annotations, as a transformed dataset should be complete:
     * {@code --save-media} when the format's exporter has that option, nothing otherwise.
     */
    private static List<String> mediaOption(String format, Session s) {
        try {
            s.registry().requireExporter(format).options().parse(List.of("--save-media"));
            return List.of("--save-media");
        } catch (UsageException e) {
            return List.of();
        } catch (DatasetException e) {
            throw new CliException("Format '" + format + "' can't be written, so it can't be transformed: " + e.getMessage());
        }
    }
}
