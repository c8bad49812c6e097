package io.datum.cli.internal;

import io.datum.registry.FormatRegistry;
import java.io.PrintStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The entry point {@code bin/datum VERB ...} calls from outside the framework. The launcher finds
 * it by the property {@code datum.commandline=true} and calls {@link #execute} reflectively: the
 * signature uses JDK types only, so the launcher needs none of our classes.
 */
@Component(service = CommandLineService.class, property = "datum.commandline=true")
public class CommandLineService {
    private final DatumCommandLine commandLine;

    @Activate
    public CommandLineService(@Reference FormatRegistry registry) {
        this.commandLine = new DatumCommandLine(registry);
    }

    /** Runs one {@code datum} command line and returns its exit code. */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        return commandLine.run(List.of(args), out, err);
    }
}
