package io.datum.cli.internal;

import io.datum.registry.FormatRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * open_images -i in -f cvat -o out}. Same parser, messages and exit codes as {@code bin/datum}; a
 * command that fails throws, so the shell shows its message and a script can test for it; a command
 * that succeeds returns what it printed, which the shell shows.
 * Gogo calls {@link #_main} for every function, with the function name first.
 */
@Component(service = GogoCommands.class)
@GogoCommand(scope = "datum", function = {"convert", "create", "import", "add", "export", "remove", "detect", "formats",
    "dinfo", "info", "stats", "project"})
public class GogoCommands {
    private final DatumCommandLine commandLine;

    @Activate
    public GogoCommands(@Reference FormatRegistry registry) {
        this.commandLine = new DatumCommandLine(registry);
    }

    @Descriptor("Runs a datum verb: convert, create, import, add, export, remove, detect, formats, dinfo, stats, "
            + "project (try 'datum:convert -h')")
    public String _main(CommandSession session,
                        @Descriptor("the verb and its arguments, as on the datum command line") String[] argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        if (!args.isEmpty() && args.get(0).startsWith("datum:")) {
            args.set(0, args.get(0).substring("datum:".length()));
        }
        // What the verb prints on stdout is its result: returned, so that the shell prints it and a
        // script can use it (x = (datum:formats --names)); logs go to the console as they happen.
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        PrintStream console = session.getConsole();
        int code = commandLine.run(args, new PrintStream(result, true, StandardCharsets.UTF_8), console);
        String text = result.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            console.print(text);
            throw new IllegalStateException("datum " + String.join(" ", args) + " failed (exit code " + code + ")");
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
