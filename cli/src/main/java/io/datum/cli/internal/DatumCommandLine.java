package io.datum.cli.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.datum.api.StagedOutput;
import io.datum.files.FolderPaths;
import io.datum.files.OwnedFolder;
import io.datum.files.SeparateFolders;
import io.datum.options.HelpRequested;
import io.datum.options.OptionParser.Arity;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ItemCursor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code datum} command line: global options, the verbs, and the one place where outcomes
 * become exit codes (0 success, 1 error, 2 usage, 3 same input and output format), with one
 * message and no stack trace (decisions D12; {@code --loglevel debug} adds the trace). The same
 * object serves {@code bin/datum}, the Gogo commands and plain-Java use; it holds no state
 * between runs besides the registry.
 */
public final class DatumCommandLine {
    private static final String PROJECT_USAGE = "usage: datum project [-h] {create,import,add,export,remove,info} ...";
    static final List<String> VERBS = List.of("convert", "create", "import", "export", "detect", "detect-format",
            "dinfo", "info", "stats", "formats", "project", "add", "remove");

    private final FormatRegistry registry;
    private final Path cwd;

    /** A command line whose relative paths resolve against the process's working directory. */
    public DatumCommandLine(FormatRegistry registry) {
        this(registry, Path.of("").toAbsolutePath());
    }

    /** A command line whose relative paths (and default output names) resolve against {@code workingDir}. */
    public DatumCommandLine(FormatRegistry registry, Path workingDir) {
        this.registry = registry;
        this.cwd = workingDir.toAbsolutePath();
    }

    /** A path the user typed, absolute and normalised. */
    private Path path(String typed) {
        return cwd.resolve(typed).normalize();
    }

    /** Runs one command line; everything goes to {@code out}/{@code err}; returns the exit code. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Log.Level level = Log.Level.INFO;
        boolean quiet = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                out.print(topHelp());
                return 0;
            } else if (a.equals("--quiet")) {
                quiet = true;
            } else if (a.equals("--version")) {
                out.println(version());
                return 0;
            } else if (a.equals("--loglevel") || a.startsWith("--loglevel=")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(++i) : null);
                Log.Level parsed = v == null ? null : Log.parseLevel(v);
                if (parsed == null) {
                    err.println(topUsage() + "\ndatum: error: argument --loglevel: invalid choice: '" + v
                            + "' (choose from debug, info, warning, error, critical)");
                    return 2;
                }
                level = parsed;
            } else if (a.startsWith("-")) {
                err.println(topUsage() + "\ndatum: error: unrecognized arguments: " + a);
                return 2;
            } else {
                break;
            }
        }
        if (i >= args.size()) {
            err.print(topHelp());
            return 1;
        }
        Log log = new Log(err, level, new ProgressLine(err, !quiet && System.console() != null));
        String verb = args.get(i);
        List<String> rest = args.subList(i + 1, args.size());
        try {
            return dispatch(verb, rest, out, log);
        } catch (HelpRequested h) {
            out.print(h.help());
            return 0;
        } catch (UsageException u) {
            err.println(u.display());
            return 2;
        } catch (CliException e) {
            log.error(e.getMessage());
            return e.exitCode();
        } catch (DatasetException e) {
            log.error(e.getMessage());
            debugTrace(log, e);
            return 1;
        } catch (UncheckedIOException e) {
            log.error(describe(e.getCause()));
            debugTrace(log, e);
            return 1;
        } catch (IOException e) {
            log.error(describe(e));
            debugTrace(log, e);
            return 1;
        } catch (OutOfMemoryError e) {
            log.error("out of memory; give Java more heap with DATUM_JAVA_OPTS=-Xmx... (" + e.getMessage() + ")");
            return 1;
        } catch (RuntimeException e) {
            log.error(registry.providerOf(e)
                    .map(f -> "format '" + f.name() + "' (bundle " + f.provider() + " " + f.version() + ") failed: " + e
                            + "; a fault of that bundle, not of the data: report it to its authors")
                    .orElse("internal error: " + e));
            debugTrace(log, e);
            return 1;
        }
    }

    private int dispatch(String verb, List<String> args, PrintStream out, Log log) throws IOException {
        warnAboutClashes(log);
        switch (verb) {
            case "convert":
                return convert(args, log);
            case "create":
                return create("create", args, log);
            case "import":
                return importSource("import", args, log);
            case "export":
                return export("export", args, log);
            case "detect":
            case "detect-format":
                return detect(verb, args, out, log);
            case "formats":
                return formats(args, out);
            case "dinfo":
            case "info":
                return dinfo(verb, args, out, log);
            case "stats":
                return stats(args, log);
            case "remove":
                return remove("remove", args, log);
            case "add":
                return add("add", args, log);
            case "project":
                return project(args, out, log);
            default:
                throw new UsageException("datum", topUsage(), "argument COMMAND: invalid choice: '" + verb
                        + "' (choose from " + VERBS.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + ")");
        }
    }

    private int project(List<String> args, PrintStream out, Log log) throws IOException {
        if (args.isEmpty()) {
            throw new CliException("datum project: expected a sub-command: create, import, export, remove, info", 1);
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (sub) {
            case "create":
                return create("project create", rest, log);
            case "import":
                return importSource("project import", rest, log);
            case "export":
                return export("project export", rest, log);
            case "remove":
                return remove("project remove", rest, log);
            case "add":
                return add("project add", rest, log);
            case "info":
                return projectInfo(rest, out);
            case "-h":
            case "--help":
                out.print(PROJECT_USAGE + "\n\nProject commands: create, import, add, export, remove, info.\n");
                return 0;
            default:
                throw new UsageException("datum project", PROJECT_USAGE, "argument COMMAND: invalid choice: '" + sub
                        + "' (choose from 'create', 'import', 'add', 'export', 'remove', 'info')");
        }
    }

    // ---------------------------------------------------------------- convert

    private int convert(List<String> args, Log log) throws IOException {
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
                .epilog(formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String outputFormat = o.value("output-format");
        DatasetExporter exporter = exporterOf(outputFormat);
        ParsedOptions exportOptions = exporter.options().parse(o.extra());
        String input = o.value("input-path");
        Path inputPath = path(input);
        String inputFormat = o.value("input-format");
        if (inputFormat == null) {
            if (!Files.exists(inputPath)) {
                throw new CliException("Path " + input + " doesn't exist");
            }
            DetectionReport report = registry.detect(inputPath, 1);
            if (report.detected().isEmpty()) {
                throw new CliException("Failed to detect dataset format. Try to specify format with "
                        + "'-if/--input-format' parameter.");
            }
            if (report.detected().size() > 1) {
                throw new CliException("Multiple formats match the dataset: " + String.join(", ", report.detected())
                        + ". Try to specify format with '-if/--input-format' parameter.", 2);
            }
            inputFormat = report.detected().get(0);
            log.info("Source dataset format detected as " + inputFormat);
        }
        if (inputFormat.equals(outputFormat)) {
            throw new CliException("The source data format and the output data format is same as " + inputFormat + ".", 3);
        }
        DatasetImporter importer = importerOf(inputFormat);
        String shownOutput = o.value("output-dir");
        Path output = shownOutput != null ? path(shownOutput)
                : cwd.resolve(Names.nextFree(cwd, inputPath.getFileName() + "-" + Names.slug(outputFormat), "."));
        if (shownOutput == null) {
            shownOutput = output.getFileName().toString();
        }
        if (!Files.exists(inputPath)) {
            throw new CliException("Failed to find dataset '" + inputFormat + "' at '" + inputPath + "'");
        }
        ItemFilter filter = filterOf(o);
        Path written = ExportJob.run(log, output, shownOutput, o.flag("overwrite"), List.of(new ExportJob.Input(inputPath, input)),
                exporter, exportOptions, ctx -> filtered(filter, importer.open(inputPath, importer.options().parse(List.of()), ctx)), true);
        log.info("Dataset exported to '" + written + "' as '" + outputFormat + "'");
        return 0;
    }

    /** The {@code -e/--filter} of a verb, or null; the mode is checked even without an expression. */
    private static ItemFilter filterOf(ParsedOptions o) {
        ItemFilter.modeOf(o.value("filter-mode"));
        return o.value("filter") == null ? null : new ItemFilter(o.value("filter"), o.value("filter-mode"));
    }

    private static DatasetSource filtered(ItemFilter filter, DatasetSource source) {
        return filter == null ? source : filter.apply(source);
    }

    // ---------------------------------------------------------------- projects

    private int create(String name, List<String> args, Log log) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Creates an empty project.")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Save directory for the new project (default: current dir)", ".")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .parse(args);
        Path dir = path(o.value("output-dir"));
        Path meta = dir.resolve(".datumaro");
        if (Files.isDirectory(meta) && !StagedOutput.isEmpty(meta)) {
            if (!o.flag("overwrite")) {
                throw new CliException("Directory '" + meta + "' already exists (pass --overwrite to overwrite)");
            }
            StagedOutput.deleteTree(meta);
        }
        log.info("Creating project at '" + dir + "'");
        Project.create(dir);
        log.info("Project has been created at '" + dir + "'");
        return 0;
    }

    private int importSource(String name, List<String> args, Log log) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Adds a data source (a dataset in some format) to a project. Datum records its path; "
                        + "--copy copies it into the project.")
                .value(List.of("-n", "--name"), "NAME", "Name of the new source (default: source-<N>)")
                .required(List.of("-f", "--format"), "FORMAT", "Source dataset format")
                .value(List.of("-r", "--path"), "RPATH", "A path inside the dataset to read (a subset file, ...)")
                .flag("--no-check", "Don't try to read the source after importing")
                .flag("--copy", "Copy the dataset into the project instead of recording its path")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .positional("url", Arity.ONE, "URL to the source dataset")
                .extra("EXTRA_FORMAT_ARGS")
                .epilog(formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String format = o.value("format");
        DatasetImporter importer = importerOf(format);
        ParsedOptions importOptions = importer.options().parse(o.extra());
        Project project = Project.open(path(o.value("project")), o.value("project"));
        String url = o.positional("url");
        Path data = path(url);
        if (!Files.exists(data)) {
            throw new CliException(url + ": no such file or directory");
        }
        if (data.startsWith(project.root())) {
            throw new CliException("Source URL cannot point inside the project");
        }
        String inside = insidePath(data, o.value("path"));
        String sourceName = o.value("name");
        if (sourceName == null) {
            sourceName = "source-1";
            int n = 1;
            while (project.hasSource(sourceName) || Files.exists(cwd.resolve(sourceName))) {
                sourceName = "source-" + (++n);
            }
        } else {
            checkSourceName(sourceName);
            if (project.hasSource(sourceName)) {
                throw new CliException("Source '" + sourceName + "' already exists");
            }
        }
        Path copied = project.root().resolve(sourceName);
        if (o.flag("copy")) {
            if (Files.exists(copied) && !StagedOutput.isEmpty(copied)) {
                throw new CliException("Source directory '" + copied + "' already exists");
            }
            SeparateFolders.check(data, url, copied, copied.toString());
            try {
                copyTree(data, copied);
            } catch (RuntimeException | IOException e) {
                if (Files.exists(copied)) {
                    StagedOutput.deleteTree(copied);
                }
                throw e;
            }
        }
        if (!o.flag("no-check")) {
            try {
                Path base = o.flag("copy") ? copied : data;
                checkReadable(importer, inside.isEmpty() ? base : base.resolve(inside), importOptions, log);
            } catch (RuntimeException | IOException e) {
                if (o.flag("copy")) {
                    StagedOutput.deleteTree(copied);
                }
                throw e;
            }
        }
        project.addSource(new Project.Source(sourceName, format, data.toString(), inside));
        log.info("Source '" + sourceName + "' with format '" + format + "' has been added to the project");
        return 0;
    }

    /** {@code -r/--path}: a relative path that stays inside the dataset folder, or "". */
    private static String insidePath(Path data, String rpath) {
        if (rpath == null || rpath.isEmpty()) {
            return "";
        }
        Path resolved = data.resolve(rpath).normalize();
        if (Path.of(rpath).isAbsolute() || !resolved.startsWith(data) || resolved.equals(data)) {
            throw new CliException("Source path '" + rpath + "' is outside of the source '" + data + "'");
        }
        if (!Files.exists(resolved)) {
            throw new CliException("Source path '" + rpath + "' does not exist in '" + data + "'");
        }
        return data.relativize(resolved).toString();
    }

    /** Registers a dataset folder that already sits in the project's root; nothing is copied. */
    private int add(String name, List<String> args, Log log) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Adds a data source that is already a folder in the project's root.")
                .required(List.of("-f", "--format"), "FORMAT", "Source dataset format")
                .flag("--no-check", "Don't try to read the source after adding")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .positional("path", Arity.ONE, "Path to the source dataset, a folder in the project root")
                .extra("EXTRA_FORMAT_ARGS")
                .parse(args);
        String format = o.value("format");
        DatasetImporter importer = importerOf(format);
        ParsedOptions importOptions = importer.options().parse(o.extra());
        Project project = Project.open(path(o.value("project")), o.value("project"));
        Path data = path(o.positional("path"));
        if (!Files.isDirectory(data) || !project.root().equals(data.getParent())) {
            throw new CliException("The source path is expected to be a directory in the project root");
        }
        String sourceName = data.getFileName().toString();
        checkSourceName(sourceName);
        if (project.hasSource(sourceName)) {
            throw new CliException("Source '" + sourceName + "' already exists");
        }
        if (!o.flag("no-check")) {
            checkReadable(importer, data, importOptions, log);
        }
        project.addSource(new Project.Source(sourceName, format, data.toString()));
        log.info("Source '" + sourceName + "' with format '" + format + "' has been added to the project");
        return 0;
    }

    /** Reads a source to its end, so that an import fails now rather than at export. */
    private static void checkReadable(DatasetImporter importer, Path data, ParsedOptions options, Log log)
            throws IOException {
        log.info("Checking the source...");
        CliJobContext context = new CliJobContext(log, null);
        try (DatasetSource source = importer.open(data, options, context); ItemCursor items = source.items()) {
            while (items.hasNext()) {
                items.next();
            }
        } finally {
            context.flushWarnings();
        }
    }

    private int remove(String name, List<String> args, Log log) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Removes sources from a project. Data Datum only recorded the path of is never "
                        + "touched; a copied source's folder is deleted unless --keep-data.")
                .flag("--force", "Do not fail and stop on errors during removal")
                .flag("--keep-data", "Do not remove source data from the project folder")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .positional("names", Arity.AT_LEAST_ONE, "Names of the sources to be removed")
                .parse(args);
        Project project = Project.open(path(o.value("project")), o.value("project"));
        List<String> removed = new ArrayList<>();
        for (String source : o.positionals("names")) {
            if (!project.hasSource(source)) {
                if (o.flag("force")) {
                    continue;
                }
                throw new CliException("Unknown source '" + source + "'");
            }
            Path copied = project.root().resolve(source);
            project.removeSource(source);
            if (!o.flag("keep-data") && Files.isDirectory(copied)) {
                StagedOutput.deleteTree(copied);
            }
            removed.add(source);
        }
        log.info("Sources '" + String.join(", ", removed) + "' have been removed from the project");
        return 0;
    }

    private int projectInfo(List<String> args, PrintStream out) throws IOException {
        ParsedOptions o = OptionParser.named("datum project info")
                .description("Prints project information: its sources and the available formats.")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .parse(args);
        Project project = Project.open(path(o.value("project")), o.value("project"));
        out.println("Project:");
        out.println("  location: " + project.root());
        out.println("Plugins:");
        out.println("  extractors: " + available(true));
        out.println("  exporters: " + available(false));
        out.println("Sources:");
        for (Project.Source s : project.sources()) {
            out.println("  '" + s.name() + "':");
            out.println("    format: " + s.format());
            out.println("    url: " + s.url());
            out.println("    location: " + project.dataOf(s));
            out.println("    options: {}");
        }
        return 0;
    }

    private static void checkSourceName(String name) {
        if (name.isEmpty() || name.startsWith(".") || List.of("dataset", "build", "project").contains(name.toLowerCase())) {
            throw new CliException("Source name is reserved for internal use: '" + name + "'");
        }
        if (!name.matches("[a-z0-9_]+(-[a-z0-9_]+)*")) {
            throw new CliException("Source name contains invalid symbols: '" + name
                    + "' (use lower-case letters, digits, '_' and single '-')");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to);
            Files.copy(from, to.resolve(from.getFileName()));
            return;
        }
        // links are copied as what they lead to, and only when that is inside the dataset
        FolderPaths inside = FolderPaths.forReading(from);
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    inside.check(p);
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private int export(String name, List<String> args, Log log) throws IOException {
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
                .epilog(formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String format = o.value("format");
        DatasetExporter exporter = exporterOf(format);
        ParsedOptions exportOptions = exporter.options().parse(o.extra());
        Project project = Project.open(path(o.value("project")), o.value("project"));
        String target = o.positional("target");
        List<Project.Source> sources = project.sources();
        if (target != null && !target.equals("project")) {
            sources = sources.stream().filter(s -> s.name().equals(target)).collect(Collectors.toList());
            if (sources.isEmpty()) {
                throw new CliException("Unknown target '" + target + "'");
            }
        }
        if (sources.isEmpty()) {
            throw new CliException("The project has no sources: add one with 'datum import -p " + o.value("project")
                    + " -f FORMAT PATH'");
        }
        List<Project.Source> chosen = sources;
        ItemFilter filter = filterOf(o);
        String shownOutput = o.value("output-dir");
        Path output = shownOutput != null ? path(shownOutput)
                : cwd.resolve(Names.nextFree(cwd, "export-" + Names.slug(format), "."));
        if (shownOutput == null) {
            shownOutput = output.getFileName().toString();
        }
        log.info("Loading the project...");
        List<ExportJob.Input> inputs = chosen.stream().map(s -> new ExportJob.Input(project.dataOf(s), project.dataOf(s).toString())).toList();
        Path written = ExportJob.run(log, output, shownOutput, o.flag("overwrite"), inputs, exporter, exportOptions,
                ctx -> {
                    DatasetSource merged = filtered(filter, openSources(project, chosen, ctx, log));
                    log.info("Exporting...");
                    return merged;
                }, false);
        log.info("Results have been saved to '" + written + "'");
        return 0;
    }

    private DatasetSource openSources(Project project, List<Project.Source> sources, CliJobContext context, Log log)
            throws IOException {
        List<DatasetSource> opened = new ArrayList<>();
        try {
            for (Project.Source s : sources) {
                DatasetImporter importer = importerOf(s.format());
                opened.add(importer.open(project.dataOf(s), importer.options().parse(List.of()), context));
            }
            for (DatasetSource s : opened) {
                if (!s.categories().labels().sameLabelsAs(opened.get(0).categories().labels())) {
                    throw new CliException("Merging of datasets with different categories is only allowed in "
                            + "'merge' command.");
                }
            }
        } catch (RuntimeException | IOException e) {
            for (DatasetSource s : opened) {
                s.close();
            }
            throw e;
        }
        return opened.size() == 1 ? opened.get(0)
                : new ConcatenatedSource(opened, sources.stream().map(Project.Source::name).toList());
    }

    // ---------------------------------------------------------------- dataset targets, dinfo

    /**
     * Opens a verb's target as the reference resolves a revpath (datum-cli.md §2.8): a project
     * folder, {@code project} or a source name of the current project, else a dataset path
     * {@code path[:format]} (format detected, depth 2, when absent). Every way that fails is listed.
     */
    private DatasetSource openTarget(String target, String projectOption, CliJobContext context, Log log)
            throws IOException {
        List<String> problems = new ArrayList<>();
        String spec = target == null ? "project" : target;
        Path projectDir = path(projectOption == null ? "." : projectOption);
        if (target != null && Project.exists(path(target))) {
            Project p = Project.open(path(target), target);
            return openSources(p, nonEmpty(p, p.sources()), context, log);
        }
        if (Project.exists(projectDir)) {
            Project p = Project.open(projectDir, projectOption == null ? "." : projectOption);
            if (spec.equals("project")) {
                return openSources(p, nonEmpty(p, p.sources()), context, log);
            }
            for (Project.Source s : p.sources()) {
                if (s.name().equals(spec)) {
                    return openSources(p, List.of(s), context, log);
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
        Path path = path(pathPart);
        if (!Files.exists(path)) {
            problems.add("Path " + pathPart + " doesn't exist");
            throw new CliException("Failed to parse revspec:\n  " + String.join("\n  ", problems));
        }
        if (format == null) {
            DetectionReport report = registry.detect(path, 2);
            if (report.detected().size() != 1) {
                problems.add(report.detected().isEmpty() ? "Failed to detect the format of '" + pathPart + "'"
                        : "Multiple formats match '" + pathPart + "': " + String.join(", ", report.detected()));
                throw new CliException("Failed to parse revspec:\n  " + String.join("\n  ", problems));
            }
            format = report.detected().get(0);
        }
        DatasetImporter importer = importerOf(format);
        return importer.open(path, importer.options().parse(List.of()), context);
    }

    private static List<Project.Source> nonEmpty(Project p, List<Project.Source> sources) {
        if (sources.isEmpty()) {
            throw new CliException("The project at '" + p.root() + "' has no sources");
        }
        return sources;
    }

    private int dinfo(String name, List<String> args, PrintStream out, Log log) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Prints dataset overview: lengths, subsets, labels.")
                .flag("--all", "Print all labels, not only the first 10")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)")
                .positional("revpath", Arity.OPTIONAL, "Target dataset revpath: path[:format], a project or a source "
                        + "name (default: project)")
                .parse(args);
        OwnedFolder spill = SpillFolders.create();
        CliJobContext context = new CliJobContext(log, spill.path());
        try (DatasetSource source = openTarget(o.positional("revpath"), o.value("project"), context, log)) {
            DatasetInfo.print(source, o.flag("all"), out);
        } finally {
            context.flushWarnings();
            spill.delete();
        }
        return 0;
    }

    private int stats(List<String> args, Log log) throws IOException {
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
        OwnedFolder spill = SpillFolders.create();
        CliJobContext context = new CliJobContext(log, spill.path());
        Map<String, Object> result;
        try (DatasetSource source = openTarget(o.positional("target"), o.value("project"), context, log)) {
            result = new Statistics(source, o.value("subset"), context, spill.path()).compute(images, annotations);
        } finally {
            context.flushWarnings();
            spill.delete();
        }
        String name = Files.exists(cwd.resolve("statistics.json")) ? nextStatsName(cwd) : "statistics.json";
        log.info("Writing project statistics to '" + name + "'");
        Files.writeString(cwd.resolve(name), PythonJson.write(result), StandardCharsets.UTF_8);
        return 0;
    }

    private static String nextStatsName(Path cwd) throws IOException {
        int n = 1;
        while (Files.exists(cwd.resolve("statistics." + n + ".json"))) {
            n++;
        }
        return "statistics." + n + ".json";
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

    // ---------------------------------------------------------------- detect, formats

    private int detect(String name, List<String> args, PrintStream out, Log log) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Detects the format of a dataset.")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (ignored: formats come from "
                        + "the installed bundles)")
                .flag("--show-rejections", "Describe why each supported format that wasn't detected was rejected")
                .value(List.of("--json-report"), "JSON_REPORT", "Path to which to save a JSON report describing "
                        + "detected and rejected formats")
                .value(List.of("--depth"), "DEPTH", "The maximum depth for recursive search (default: 2)", "2")
                .positional("url", Arity.ONE, "URL to the dataset; a path to a directory")
                .parse(args);
        int depth;
        try {
            depth = Integer.parseInt(o.value("depth"));
        } catch (NumberFormatException e) {
            throw new UsageException("datum " + name, "usage: datum " + name + " ... --depth DEPTH url",
                    "argument --depth: invalid int value: '" + o.value("depth") + "'");
        }
        String url = o.positional("url");
        Path path = path(url);
        if (!Files.exists(path)) {
            throw new CliException("Path " + url + " doesn't exist");
        }
        DetectionReport report = registry.detect(path, depth);
        if (report.detected().size() == 1) {
            out.println("Detected format: " + report.detected().get(0));
        } else if (report.detected().isEmpty()) {
            out.println("Unable to detect the format");
        } else {
            out.println("Ambiguous dataset; detected the following formats:");
            out.println();
            for (String f : report.detected()) {
                out.println("- " + f);
            }
        }
        if (o.flag("show-rejections")) {
            out.println();
            if (report.rejected().isEmpty()) {
                out.println("No formats were rejected.");
            } else {
                out.println("The following formats were rejected:");
                out.println();
                report.rejected().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    out.println(e.getKey() + ":");
                    for (String line : e.getValue().message().split("\n")) {
                        out.println("  " + line);
                    }
                });
            }
        }
        String json = o.value("json-report");
        if (json != null) {
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
            String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
            Files.writeString(path(json), text, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private int formats(List<String> args, PrintStream out) {
        ParsedOptions o = OptionParser.named("datum formats")
                .description("Lists the dataset formats that the installed format bundles provide.")
                .flag("--names", "Print only the names, one per line")
                .parse(args);
        List<FormatInfo> formats = registry.formats();
        if (o.flag("names")) {
            formats.forEach(f -> out.println(f.name()));
            return 0;
        }
        int width = Math.max(6, formats.stream().mapToInt(f -> f.name().length()).max().orElse(0));
        out.println(String.format("%-" + width + "s  %-6s  %-6s  %-6s  %s", "FORMAT", "IMPORT", "EXPORT", "DETECT",
                "PROVIDED BY"));
        for (FormatInfo f : formats) {
            List<FormatInfo> providers = registry.providers(f.name());
            String others = providers.stream().skip(1).map(p -> p.provider() + " " + p.version())
                    .collect(Collectors.joining(", "));
            out.println((String.format("%-" + width + "s  %-6s  %-6s  %-6s  %s %s", f.name(), yes(f.canImport()),
                    yes(f.canExport()), yes(f.canDetect()), f.provider(), f.version()).stripTrailing()
                    + (others.isEmpty() ? "" : "  (clash: also " + others + ", not used)")));
        }
        if (formats.isEmpty()) {
            out.println("(no format bundles are installed)");
        }
        return 0;
    }

    /**
     * One warning per format name that two bundles provide: the user dropped a plugin that either
     * replaces a format or is ignored, and should know which.
     */
    private void warnAboutClashes(Log log) {
        for (FormatInfo f : registry.formats()) {
            List<FormatInfo> providers = registry.providers(f.name());
            if (providers.size() > 1) {
                log.warning("format '" + f.name() + "' is provided by " + providers.size() + " bundles: using "
                        + providers.get(0).provider() + " " + providers.get(0).version() + ", not "
                        + providers.stream().skip(1).map(p -> p.provider() + " " + p.version())
                                .collect(Collectors.joining(", "))
                        + " (the higher version wins, then the bundle installed first); remove one of them");
            }
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "-";
    }

    // ---------------------------------------------------------------- helpers

    private DatasetExporter exporterOf(String format) {
        return registry.requireExporter(format);
    }

    private DatasetImporter importerOf(String format) {
        return registry.requireImporter(format);
    }

    private String available(boolean importers) {
        return String.join(", ", registry.names(importers ? FormatInfo::canImport : FormatInfo::canExport, "none"));
    }

    private String formatsEpilog() {
        return "Supported input formats: " + available(true) + "\nSupported output formats: " + available(false);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "Already exists: " + e.getMessage();
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void debugTrace(Log log, Throwable t) {
        if (log.enabled(Log.Level.DEBUG)) {
            java.io.StringWriter w = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(w));
            log.debug(w.toString().stripTrailing());
        }
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = DatumCommandLine.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version resource: report unknown
        }
        return p.getProperty("version", "unknown");
    }

    private static String topUsage() {
        return "usage: datum [-h] [--version] [--loglevel LOGLEVEL] [--quiet] COMMAND ...";
    }

    private String topHelp() {
        return topUsage() + "\n\nDatum: convert computer-vision datasets (Datumaro's datum on the JVM)\n\n"
                + "options:\n"
                + "  -h, --help           show this help message and exit\n"
                + "  --version            show program's version number and exit\n"
                + "  --loglevel LOGLEVEL  Logging level (options: debug, info, warning, error,\n"
                + "                       critical; default: info)\n"
                + "  --quiet              No progress line (it is shown only on a terminal anyway)\n\n"
                + "Commands:\n"
                + "  convert              Convert dataset between formats\n"
                + "  create               Create an empty project (also: project create)\n"
                + "  import               Add a dataset to a project (also: project import)\n"
                + "  export               Export a project in some format (also: project export)\n"
                + "  add                  Add a dataset folder of the project root as a source (also: project add)\n"
                + "  remove               Remove sources from a project (also: project remove)\n"
                + "  detect               Detect the format of a dataset (also: detect-format)\n"
                + "  dinfo                Print dataset info (also: info)\n"
                + "  stats                Compute dataset statistics into statistics.json\n"
                + "  formats              List the formats the installed bundles provide\n\n"
                + "Run 'datum COMMAND --help' for more information on a command.\n";
    }
}
