package io.datum.cli.internal;

import io.datum.api.Dataset;
import io.datum.api.ExportRequest;
import io.datum.api.ExportResult;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.util.List;

/** {@code datum export} ({@code project export}): a project's sources, or one, through the API's pipeline. */
final class ExportVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Exports a project (all its sources, or one) in some format.")
                .value(List.of("-e", "--filter"), "FILTER", "XML XPath filter expression for dataset items")
                .value(List.of("--filter-mode"), "FILTER_MODE", "Filter mode (options: items, annotations, "
                        + "items+annotations; default: items)", "items")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Directory to save output (default: export-<format>)")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .required(List.of("-f", "--format"), "FORMAT", "Output format")
                .positional("target", Arity.OPTIONAL, "A project target: a source name, or 'project' (default)")
                .extra("EXTRA_FORMAT_ARGS")
                .epilog(s.formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String format = o.value("format");
        // the export options are checked before anything is read
        s.registry().requireExporter(format).options().parse(o.extra());
        Project project = Project.open(s.path(o.value("project")), o.value("project"));
        String target = o.positional("target");
        List<Project.Source> sources = project.sources();
        if (target != null && !target.equals("project")) {
            sources = sources.stream().filter(source -> source.name().equals(target)).toList();
            if (sources.isEmpty()) {
                throw new CliException("Unknown target '" + target + "'");
            }
        }
        if (sources.isEmpty()) {
            throw new CliException("The project has no sources: add one with 'datum import -p " + o.value("project")
                    + " -f FORMAT PATH'");
        }
        List<Transforms.Step> steps = Transforms.filterSteps(o);
        Names.OutputDir output = Names.outputDir(s, o.value("output-dir"), "export-" + Names.slug(format));
        s.log().info("Loading the project...");
        CliJobContext listener = new CliJobContext(s.log(), null, "Exporting...");
        ExportResult result;
        try {
            Dataset dataset = Transforms.applyAll(s.datum().open(DatasetTargets.inputsOf(project, sources), listener), steps);
            result = dataset.export(new ExportRequest(output.path(), format, o.extra(), o.flag("overwrite"), output.shown()));
        } finally {
            listener.flushWarnings();
        }
        s.log().info("Results have been saved to '" + result.output() + "'");
        return result;
    }
}
