package io.datum.cli.internal;

import io.datum.api.DatasetInput;
import io.datum.api.StagedOutput;
import io.datum.files.FolderPaths;
import io.datum.files.SeparateFolders;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project verbs: {@code create}, {@code import}, {@code add}, {@code remove}, {@code project
 * info}, and {@code project} dispatching to them (and to {@code export}). A project records where
 * its sources are and in which format; these verbs edit that record.
 */
final class ProjectVerbs implements Verb {
    private static final String PROJECT_USAGE = "usage: datum project [-h] {create,import,add,export,remove,info} ...";

    /** One of the project verbs as a top-level verb. */
    static Verb named(String verb) {
        return switch (verb) {
            case "create" -> ProjectVerbs::create;
            case "import" -> ProjectVerbs::importSource;
            case "add" -> ProjectVerbs::add;
            case "remove" -> ProjectVerbs::remove;
            default -> throw new IllegalArgumentException(verb);
        };
    }

    @Override
    public Object run(String verb, List<String> args, Session s) throws IOException {
        if (args.isEmpty()) {
            throw new CliException("datum project: expected a sub-command: create, import, export, remove, info", 1);
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (sub) {
            case "create":
                return create("project create", rest, s);
            case "import":
                return importSource("project import", rest, s);
            case "export":
                return new ExportVerb().run("project export", rest, s);
            case "remove":
                return remove("project remove", rest, s);
            case "add":
                return add("project add", rest, s);
            case "info":
                return projectInfo(rest, s);
            case "-h":
            case "--help":
                s.out().print(PROJECT_USAGE + "\n\nProject commands: create, import, add, export, remove, info.\n");
                return null;
            default:
                throw new UsageException("datum project", PROJECT_USAGE, "argument COMMAND: invalid choice: '" + sub
                        + "' (choose from 'create', 'import', 'add', 'export', 'remove', 'info')");
        }
    }

    private static Object create(String name, List<String> args, Session s) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Creates an empty project.")
                .value(List.of("-o", "--output-dir"), "DST_DIR", "Save directory for the new project (default: current dir)", ".")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .parse(args);
        Path dir = s.path(o.value("output-dir"));
        Path meta = dir.resolve(".datumaro");
        if (Files.isDirectory(meta) && !StagedOutput.isEmpty(meta)) {
            if (!o.flag("overwrite")) {
                throw new CliException("Directory '" + meta + "' already exists (pass --overwrite to overwrite)");
            }
            StagedOutput.deleteTree(meta);
        }
        s.log().info("Creating project at '" + dir + "'");
        Project.create(dir);
        s.log().info("Project has been created at '" + dir + "'");
        return null;
    }

    private static Object importSource(String name, List<String> args, Session s) throws IOException {
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
                .epilog(s.formatsEpilog());
        ParsedOptions o = parser.parse(args);
        String format = o.value("format");
        // the format and its options are checked before the project is touched
        s.registry().requireImporter(format).options().parse(o.extra());
        Project project = Project.open(s.path(o.value("project")), o.value("project"));
        String url = o.positional("url");
        Path data = s.path(url);
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
            while (project.hasSource(sourceName) || Files.exists(s.cwd().resolve(sourceName))) {
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
                checkReadable(format, inside.isEmpty() ? base : base.resolve(inside), o.extra(), s);
            } catch (RuntimeException | IOException e) {
                if (o.flag("copy")) {
                    StagedOutput.deleteTree(copied);
                }
                throw e;
            }
        }
        project.addSource(new Project.Source(sourceName, format, data.toString(), inside));
        s.log().info("Source '" + sourceName + "' with format '" + format + "' has been added to the project");
        return null;
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
    private static Object add(String name, List<String> args, Session s) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Adds a data source that is already a folder in the project's root.")
                .required(List.of("-f", "--format"), "FORMAT", "Source dataset format")
                .flag("--no-check", "Don't try to read the source after adding")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .positional("path", Arity.ONE, "Path to the source dataset, a folder in the project root")
                .extra("EXTRA_FORMAT_ARGS")
                .parse(args);
        String format = o.value("format");
        // the format and its options are checked before the project is touched
        s.registry().requireImporter(format).options().parse(o.extra());
        Project project = Project.open(s.path(o.value("project")), o.value("project"));
        Path data = s.path(o.positional("path"));
        if (!Files.isDirectory(data) || !project.root().equals(data.getParent())) {
            throw new CliException("The source path is expected to be a directory in the project root");
        }
        String sourceName = data.getFileName().toString();
        checkSourceName(sourceName);
        if (project.hasSource(sourceName)) {
            throw new CliException("Source '" + sourceName + "' already exists");
        }
        if (!o.flag("no-check")) {
            checkReadable(format, data, o.extra(), s);
        }
        project.addSource(new Project.Source(sourceName, format, data.toString()));
        s.log().info("Source '" + sourceName + "' with format '" + format + "' has been added to the project");
        return null;
    }

    /** Reads a source to its end through the API, so that an import fails now rather than at export. */
    private static void checkReadable(String format, Path data, List<String> options, Session s) throws IOException {
        s.log().info("Checking the source...");
        CliJobContext listener = new CliJobContext(s.log(), null);
        try {
            s.datum().open(List.of(new DatasetInput(data, format, options, null, null)), listener).info();
        } finally {
            listener.flushWarnings();
        }
    }

    private static Object remove(String name, List<String> args, Session s) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Removes sources from a project. Data Datum only recorded the path of is never "
                        + "touched; a copied source's folder is deleted unless --keep-data.")
                .flag("--force", "Do not fail and stop on errors during removal")
                .flag("--keep-data", "Do not remove source data from the project folder")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .positional("names", Arity.AT_LEAST_ONE, "Names of the sources to be removed")
                .parse(args);
        Project project = Project.open(s.path(o.value("project")), o.value("project"));
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
        s.log().info("Sources '" + String.join(", ", removed) + "' have been removed from the project");
        return null;
    }

    private static Object projectInfo(List<String> args, Session s) throws IOException {
        ParsedOptions o = OptionParser.named("datum project info")
                .description("Prints project information: its sources and the available formats.")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)", ".")
                .parse(args);
        Project project = Project.open(s.path(o.value("project")), o.value("project"));
        s.out().println("Project:");
        s.out().println("  location: " + project.root());
        s.out().println("Plugins:");
        s.out().println("  extractors: " + s.available(true));
        s.out().println("  exporters: " + s.available(false));
        s.out().println("Sources:");
        for (Project.Source source : project.sources()) {
            s.out().println("  '" + source.name() + "':");
            s.out().println("    format: " + source.format());
            s.out().println("    url: " + source.url());
            s.out().println("    location: " + project.dataOf(source));
            s.out().println("    options: {}");
        }
        return null;
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
}
