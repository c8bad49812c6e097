package io.datum.cli.internal;

import io.datum.registry.FormatRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The verbs as commands of the Felix shell, scope {@code datum}: {@code datum:convert -if
 * open_images -i in -f cvat -o out}. Same parser, messages and exit codes as {@code bin/datum};
 * relative paths resolve against the session's current folder ({@code cd}). A command returns the
 * API's result as an object — an export result, a detection report, dataset info, the installed
 * formats or transforms — which {@link ShellFormats} prints and a script can use
 * ({@code r = datum:detect dir; $r detected}); a verb without a result returns what it printed. A
 * command that fails throws, so the shell shows its message and a script can test for it.
 */
@Component(service = GogoCommands.class)
@GogoCommand(scope = "datum", function = {"convert", "create", "import", "add", "export", "remove", "detect", "formats",
    "transform", "transforms", "filter", "merge", "compare", "dinfo", "info", "stats", "project", "validate", "render"})
public class GogoCommands {
    private static final String ARGS = "options and arguments as on the datum command line (-h lists them)";
    private final FormatRegistry registry;

    @Activate
    public GogoCommands(@Reference FormatRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("Converts a dataset from one format to another (-i PATH [-if FORMAT] -f FORMAT [-o DIR] [-e XPATH] "
            + "[-- FORMAT_OPTIONS]); returns the export result")
    public Object convert(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "convert", args);
    }

    @Descriptor("Exports a project (all its sources, or one) in some format; returns the export result")
    public Object export(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "export", args);
    }

    @Descriptor("Detects the format of a dataset; returns the detection report (detected, rejected)")
    public Object detect(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "detect", args);
    }

    @Descriptor("Prints dataset overview: lengths, subsets, labels; returns the dataset info")
    public Object dinfo(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "dinfo", args);
    }

    @Descriptor("Prints dataset overview (the same as dinfo); returns the dataset info")
    public Object info(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "info", args);
    }

    @Descriptor("Computes dataset statistics into statistics.json in the current folder; returns them")
    public Object stats(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "stats", args);
    }

    @Descriptor("Validates a dataset for a task (-t classification|detection|segmentation [-s SUBSET] [TARGET] "
            + "[-- VALIDATOR_OPTIONS]) into validation-report.json; returns the counts of the report")
    public Object validate(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "validate", args);
    }

    @Descriptor("Draws the annotations on the images into PNGs ([TARGET] -o DIR [-s SUBSET] [--ids ID] [--max N] "
            + "[--grid COLSxROWS]); returns what was rendered")
    public Object render(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "render", args);
    }

    @Descriptor("Lists the formats the installed bundles provide, with the bundle providing each")
    public Object formats(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "formats", args);
    }

    @Descriptor("Applies transforms to a dataset and writes it in its format (-t NAME [-t NAME ...] [TARGET | -i PATH "
            + "[-if FORMAT]] -o DIR [-- OPTIONS [-- OPTIONS ...]]); returns the export result")
    public Object transform(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "transform", args);
    }

    @Descriptor("Writes the items (or annotations) an XPath expression selects in the dataset's format (-e XPATH "
            + "[-m MODE] [TARGET | -i PATH [-if FORMAT]] -o DIR [--remove-unused-labels]); returns the export result")
    public Object filter(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "filter", args);
    }

    @Descriptor("Merges datasets by a policy and writes them with merge_report.json ([-m union|intersect|exact] "
            + "[-iou T] [-oconf T] [--quorum N] [-g GROUP] TARGET ... [-f FORMAT] [-o DIR] [-- FORMAT_OPTIONS]); "
            + "returns the export result")
    public Object merge(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "merge", args);
    }

    @Descriptor("Compares two datasets (FIRST [SECOND] [-m table|equality|distance] [--tolerance T] [--iou-thresh T] "
            + "[-o DIR]); returns the comparison ($r table, $r distance; by equality, $r equal is true when they are "
            + "equal)")
    public Object compare(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "compare", args);
    }

    @Descriptor("Lists the transforms the installed bundles provide, with the bundle providing each")
    public Object transforms(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "transforms", args);
    }

    @Descriptor("Creates an empty project")
    public Object create(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "create", args);
    }

    /** {@code datum:import}: Gogo calls a method {@code _import} for a function named after a Java keyword. */
    @Descriptor("Adds a dataset to a project")
    public Object _import(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "import", args);
    }

    @Descriptor("Adds a dataset folder of the project root as a source")
    public Object add(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "add", args);
    }

    @Descriptor("Removes sources from a project")
    public Object remove(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "remove", args);
    }

    @Descriptor("Project commands: create, import, add, export, remove, info")
    public Object project(CommandSession session, @Descriptor(ARGS) String[] args) {
        return run(session, "project", args);
    }

    private Object run(CommandSession session, String verb, String[] argv) {
        List<String> args = new ArrayList<>();
        args.add(verb);
        args.addAll(Arrays.asList(argv));
        // What a verb without a result prints on stdout is its result: returned, so that the shell
        // prints it and a script can use it; logs go to the console as they happen.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = session.getConsole();
        DatumCommandLine.Outcome outcome = new DatumCommandLine(registry, currentDir(session))
                .call(args, new PrintStream(printed, true, StandardCharsets.UTF_8), console);
        String text = printed.toString(StandardCharsets.UTF_8);
        // a verdict (datasets that differ) is a result, not a failure: the script reads it
        if (outcome.exitCode() != 0 && outcome.result() == null) {
            console.print(text);
            throw new IllegalStateException("datum " + String.join(" ", args) + " failed (exit code "
                    + outcome.exitCode() + ")");
        }
        if (outcome.result() != null) {
            console.print(text);
            return outcome.result();
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The session's current folder, which {@code cd} changes; the process's when the session has none. */
    private static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }
}
