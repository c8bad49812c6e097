package io.datum.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * {@code bin/datum}: embeds Felix and either runs one verb ({@code datum convert ...}) and exits
 * with its code, or opens the interactive shell ({@code datum shell}).
 *
 * <p>Every path ends in {@link System#exit}: Felix's threads are not daemons, so returning from
 * {@code main} would leave the JVM running. A launcher failure is one {@code datum: ...} line on
 * stderr and exit code 1, never a stack trace. SIGINT and SIGTERM stop a run quietly with 130 and
 * 143 ({@link Termination}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Captured before the framework starts: gogo.runtime replaces System.out/err with per-thread
        // redirectors, and the verb must write to the real streams (osgi-stack.md pitfall 10).
        PrintStream out = Termination.quietOnceRequested(System.out);
        PrintStream err = Termination.quietOnceRequested(System.err);
        if (!isShell(args)) {
            // the interactive shell leaves Ctrl-C to its line editor: it cancels a command, not the shell
            Termination.install(Thread.currentThread());
        }
        int code;
        try {
            code = run(args, out, err);
        } catch (LauncherException e) {
            err.println("datum: " + e.getMessage());
            code = 1;
        } catch (InterruptedException e) {
            err.println("datum: interrupted");
            code = 1;
        } catch (RuntimeException | LinkageError e) {
            err.println("datum: launcher failed: " + e);
            code = 1;
        }
        Termination.unwound();
        out.flush();
        err.flush();
        System.exit(Termination.exitCode(code));
    }

    private static boolean isShell(String[] args) {
        return args.length == 1 && args[0].equals("shell");
    }

    private static int run(String[] args, PrintStream out, PrintStream err) throws LauncherException, InterruptedException {
        Timing timing = new Timing(err);
        DatumHome home = DatumHome.fromSystemProperty();
        boolean shell = isShell(args);
        try (FelixRuntime felix = FelixRuntime.start(LaunchProperties.forRun(home, shell), err)) {
            timing.phase("framework start");
            if (shell) {
                InteractiveShell.run(felix, home);
                return 0;
            }
            // Verb mode: no shell, no hot deploy; plugins are installed once, like shipped bundles.
            List<Bundle> bundles = new ArrayList<>(felix.installShipped(DatumHome.jarsIn(home.bundles())));
            List<Bundle> plugins = felix.installPlugins(DatumHome.jarsIn(home.plugins()));
            timing.phase("install " + (bundles.size() + plugins.size()) + " bundles");
            felix.startAll(bundles, false);
            felix.startAll(plugins, true);
            timing.phase("start bundles");
            if (Termination.requested()) {
                // a signal during start-up, whose interrupt the framework's start may have consumed
                return 1;
            }
            int code = VerbRunner.run(felix, args, out, err);
            Termination.verbFinished(code);
            timing.phase("verb");
            out.flush();
            return code;
        } finally {
            timing.phase("framework stop");
        }
    }
}
