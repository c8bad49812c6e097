package io.datum.cli.internal;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.Datum;
import io.datum.options.HelpRequested;
import io.datum.options.UsageException;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import io.datum.registry.TransformInfo;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code datum} command line: global options, dispatch to the verbs (one class each, which
 * call the API), and the one place where outcomes become exit codes (0 success, 1 error or datasets
 * that differ, 2 usage, 3 same input and output format), with one message and no stack trace ({@code --loglevel debug}
 * adds the trace). The same object serves {@code bin/datum} and plain-Java use; it holds no state
 * between runs besides the API.
 */
public final class DatumCommandLine {
    /** The verbs' names, in the order of the usage message; {@link #verb} makes each. */
    static final List<String> VERBS = List.of("convert", "create", "import", "export", "detect", "detect-format",
            "dinfo", "info", "stats", "formats", "transform", "transforms", "filter", "merge", "compare", "validate",
            "render", "project", "add", "remove");

    private final Datum datum;
    private final Path cwd;

    /** A command line whose relative paths resolve against the process's working directory. */
    public DatumCommandLine(FormatRegistry registry) {
        this(registry, Path.of("").toAbsolutePath());
    }

    /** A command line whose relative paths (and default output names) resolve against {@code workingDir}. */
    public DatumCommandLine(FormatRegistry registry, Path workingDir) {
        this.datum = Datum.over(registry);
        this.cwd = workingDir.toAbsolutePath();
    }

    /**
     * The verb named {@code name}, made for this run, or null for a name that is none. Made on use:
     * a run loads and builds the one verb it runs, not the twenty (start-up is most of a short
     * verb's time).
     */
    static Verb verb(String name) {
        return switch (name) {
            case "convert" -> new ConvertVerb();
            case "create", "import", "add", "remove" -> ProjectVerbs.named(name);
            case "export" -> new ExportVerb();
            case "detect", "detect-format" -> new DetectVerb();
            case "dinfo", "info" -> new DinfoVerb();
            case "stats" -> new StatsVerb();
            case "formats", "transforms" -> new FormatsVerb();
            case "transform" -> new TransformVerb();
            case "filter" -> new FilterVerb();
            case "merge" -> new MergeVerb();
            case "compare" -> new CompareVerb();
            case "validate" -> new ValidateVerb();
            case "render" -> new RenderVerb();
            case "project" -> new ProjectVerbs();
            default -> null;
        };
    }

    /** What a command line ended with: its exit code, and the verb's result on success (null if none). */
    public record Outcome(int exitCode, Object result) {
    }

    /** Runs one command line; everything goes to {@code out}/{@code err}; returns the exit code. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return execute(args, out, err, false).exitCode();
    }

    /**
     * Runs one command line for a caller that formats results itself (the shell): the verb's
     * result is returned instead of printed; logs and what has no result object still go to
     * {@code out}/{@code err}.
     */
    public Outcome call(List<String> args, PrintStream out, PrintStream err) {
        return execute(args, out, err, true);
    }

    private Outcome execute(List<String> args, PrintStream out, PrintStream err, boolean returnsObjects) {
        Log.Level level = Log.Level.INFO;
        boolean quiet = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                out.print(topHelp());
                return new Outcome(0, null);
            } else if (a.equals("--quiet")) {
                quiet = true;
            } else if (a.equals("--version")) {
                out.println(version());
                return new Outcome(0, null);
            } else if (a.equals("--loglevel") || a.startsWith("--loglevel=")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(++i) : null);
                Log.Level parsed = v == null ? null : Log.parseLevel(v);
                if (parsed == null) {
                    err.println(topUsage() + "\ndatum: error: argument --loglevel: invalid choice: '" + v
                            + "' (choose from debug, info, warning, error, critical)");
                    return new Outcome(2, null);
                }
                level = parsed;
            } else if (a.startsWith("-")) {
                err.println(topUsage() + "\ndatum: error: unrecognized arguments: " + a);
                return new Outcome(2, null);
            } else {
                break;
            }
        }
        if (i >= args.size()) {
            err.print(topHelp());
            return new Outcome(1, null);
        }
        Log log = new Log(err, level, new ProgressLine(err, !quiet && System.console() != null));
        String verb = args.get(i);
        List<String> rest = args.subList(i + 1, args.size());
        try {
            Object result = dispatch(verb, rest, new Session(datum, cwd, out, log, returnsObjects));
            // a comparison by equality is a verdict: datasets that differ end with 1, as diff does
            return new Outcome(result instanceof DatasetComparison c && c.method() == ComparisonOptions.Method.EQUALITY
                    && !c.equal() ? 1 : 0, result);
        } catch (HelpRequested h) {
            out.print(h.help());
            return new Outcome(0, null);
        } catch (UsageException u) {
            err.println(u.display());
            return new Outcome(2, null);
        } catch (CliException e) {
            log.error(e.getMessage());
            return new Outcome(e.exitCode(), null);
        } catch (DatasetException e) {
            log.error(e.getMessage());
            debugTrace(log, e);
            return new Outcome(1, null);
        } catch (UncheckedIOException e) {
            log.error(describe(e.getCause()));
            debugTrace(log, e);
            return new Outcome(1, null);
        } catch (IOException e) {
            log.error(describe(e));
            debugTrace(log, e);
            return new Outcome(1, null);
        } catch (OutOfMemoryError e) {
            log.error("out of memory; give Java more heap with DATUM_JAVA_OPTS=-Xmx... (" + e.getMessage() + ")");
            return new Outcome(1, null);
        } catch (RuntimeException e) {
            log.error(datum.formats().providerOf(e)
                    .map(f -> "format '" + f.name() + "' (bundle " + f.provider() + " " + f.version() + ") failed: " + e
                            + "; a fault of that bundle, not of the data: report it to its authors")
                    .orElse("internal error: " + e));
            debugTrace(log, e);
            return new Outcome(1, null);
        }
    }

    private Object dispatch(String verb, List<String> args, Session session) throws IOException {
        warnAboutClashes(session.log());
        Verb v = verb(verb);
        if (v == null) {
            throw new UsageException("datum", topUsage(), "argument COMMAND: invalid choice: '" + verb
                    + "' (choose from " + VERBS.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + ")");
        }
        return v.run(verb, args, session);
    }

    /**
     * One warning per format or transform name that two bundles provide: the user dropped a plugin
     * that either replaces one or is ignored, and should know which.
     */
    private void warnAboutClashes(Log log) {
        // plain loops: every verb runs this at start-up, where a lambda of a bundle's class costs
        // more to link than the loop it would save writing
        for (FormatInfo f : datum.formats().formats()) {
            List<FormatInfo> providers = datum.formats().providers(f.name());
            if (providers.size() > 1) {
                List<String> named = new ArrayList<>();
                for (FormatInfo p : providers) {
                    named.add(p.provider() + " " + p.version());
                }
                warnAboutClash(log, "format", f.name(), named);
            }
        }
        for (TransformInfo t : datum.formats().transforms()) {
            List<TransformInfo> providers = datum.formats().transformProviders(t.name());
            if (providers.size() > 1) {
                List<String> named = new ArrayList<>();
                for (TransformInfo p : providers) {
                    named.add(p.provider() + " " + p.version());
                }
                warnAboutClash(log, "transform", t.name(), named);
            }
        }
    }

    /** {@code providers}: bundle and version of each provider, the one in use first (two at least). */
    private static void warnAboutClash(Log log, String what, String name, List<String> providers) {
        log.warning(what + " '" + name + "' is provided by " + providers.size() + " bundles: using "
                + providers.get(0) + ", not " + String.join(", ", providers.subList(1, providers.size()))
                + " (the higher version wins, then the bundle installed first); remove one of them");
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
                + "  transform            Apply transforms to a dataset, written in its format\n"
                + "  filter               Filter dataset items, written in its format\n"
                + "  merge                Merge datasets\n"
                + "  compare              Compare datasets (exit 0 when equal, 1 when they differ)\n"
                + "  formats              List the formats the installed bundles provide\n"
                + "  transforms           List the transforms the installed bundles provide\n"
                + "  validate             Validate a dataset for a task into validation-report.json\n"
                + "  render               Draw the annotations on the images, a PNG per item or sheets\n\n"
                + "Run 'datum COMMAND --help' for more information on a command.\n";
    }
}
