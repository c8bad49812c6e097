package io.datum.launcher;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code bin/datum shell}: the Gogo shell on the terminal, with the verbs as {@code datum:*}
 * commands and Felix FileInstall watching {@code plugins/} (where {@link ShippedBundleGuard} keeps
 * it from installing a plugin over a shipped bundle). Returns when the shell stops the framework
 * ({@code exit}, or end of input).
 */
final class InteractiveShell {
    static final String SHELL_BUNDLE = "org.apache.felix.gogo.jline";
    static final String COMMANDS_FILTER = "(osgi.command.scope=datum)";

    private InteractiveShell() {
    }

    static void run(FelixRuntime felix, DatumHome home) throws LauncherException, InterruptedException {
        List<Bundle> bundles = new ArrayList<>(felix.installShipped(DatumHome.jarsIn(home.bundles())));
        List<Bundle> shellBundles = felix.installShipped(DatumHome.jarsIn(home.shellBundles()));
        Bundle shell = shellBundles.stream().filter(b -> SHELL_BUNDLE.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new LauncherException("no " + SHELL_BUNDLE + " bundle in " + home.shellBundles()));
        shellBundles.remove(shell);
        bundles.addAll(shellBundles);
        Bundle fileInstall = shellBundles.stream().filter(b -> ShippedBundleGuard.FILEINSTALL_BUNDLE.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new LauncherException("no " + ShippedBundleGuard.FILEINSTALL_BUNDLE
                        + " bundle in " + home.shellBundles()));
        ShippedBundleGuard.register(felix, fileInstall);
        felix.startAll(bundles, false);
        // The shell runs its profile as soon as it starts; the datum commands must exist by then.
        awaitCommands(felix);
        felix.warnAboutFailures();
        if (System.console() == null) {
            // On a pipe JLine would warn that it fell back to a dumb terminal; that is expected there.
            System.setProperty("org.jline.terminal.dumb", "true");
        }
        // JLine finds its terminal providers through the context class loader; the launcher's loader
        // cannot see them, null makes JLine use its own bundle's loader (osgi-stack.md pitfall 11).
        Thread current = Thread.currentThread();
        ClassLoader saved = current.getContextClassLoader();
        current.setContextClassLoader(null);
        try {
            shell.start();
        } catch (BundleException e) {
            throw new LauncherException("the shell bundle " + home.shellBundles() + "/" + SHELL_BUNDLE
                    + " did not start: " + e.getMessage(), e);
        } finally {
            current.setContextClassLoader(saved);
        }
        felix.awaitStop();
    }

    private static void awaitCommands(FelixRuntime felix) throws LauncherException, InterruptedException {
        Filter filter;
        try {
            filter = felix.context().createFilter(COMMANDS_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(felix.context(), filter, null);
        tracker.open(true);
        long timeoutMs = felix.shippedBundleFailed() ? 1 : Long.getLong(VerbRunner.TIMEOUT_PROPERTY, 10_000L);
        if (tracker.waitForService(timeoutMs) == null) {
            throw new LauncherException("the datum shell commands " + COMMANDS_FILTER + " are not available; "
                    + felix.describeFailures());
        }
        tracker.close();
    }
}
