package io.datum.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One embedded Felix for one run, with its own {@link FrameworkStorage}. Bundles are installed by
 * {@code reference:} URL: Felix reads them in place and copies nothing.
 */
final class FelixRuntime implements AutoCloseable {
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final Framework framework;
    private final PrintStream err;
    /** Shipped bundles that did not start: reported once, as a warning or inside the error they cause. */
    private final List<String> failures = new ArrayList<>();
    private final ShippedBundles shipped = new ShippedBundles();

    private FelixRuntime(Framework framework, PrintStream err) {
        this.framework = framework;
        this.err = err;
    }

    static FelixRuntime start(Map<String, String> properties, PrintStream err) throws LauncherException {
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, FrameworkStorage.createDeletedAtExit().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new LauncherException("no OSGi framework on the class path (lib/org.apache.felix.framework-*.jar missing?)");
        }
        // Felix takes its logger as an object among the (string) properties
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> objects = (Map) config;
        objects.put("felix.log.logger", new FrameworkLog(err));
        Framework framework = factories.next().newFramework(config);
        try {
            framework.start();
        } catch (BundleException e) {
            throw new LauncherException("the OSGi framework did not start: " + e.getMessage(), e);
        }
        return new FelixRuntime(framework, err);
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Installs the shipped bundles of {@code jars}; a jar that cannot be installed means a broken
     * distribution and stops the run.
     */
    List<Bundle> installShipped(List<Path> jars) throws LauncherException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try {
                Bundle b = install(jar);
                shipped.add(b, jar);
                bundles.add(b);
            } catch (BundleException | LauncherException e) {
                throw new LauncherException("cannot install " + jar + ": " + e.getMessage(), e);
            }
        }
        return bundles;
    }

    /**
     * Installs user-supplied bundles; one that cannot be installed, or that would take the place of a
     * shipped bundle, is skipped with a warning.
     */
    List<Bundle> installPlugins(List<Path> jars) {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            Optional<String> refusal = shipped.refusal(jar);
            if (refusal.isPresent()) {
                ignorePlugin(jar, refusal.get());
                continue;
            }
            try {
                bundles.add(install(jar));
            } catch (BundleException | LauncherException e) {
                ignorePlugin(jar, reason(e));
            }
        }
        return bundles;
    }

    /** The bundles installed by {@link #installShipped} so far. */
    ShippedBundles shipped() {
        return shipped;
    }

    /** Reports a plugin jar that is not installed: one warning line naming the jar and why. */
    void ignorePlugin(Path jar, String why) {
        err.println("datum: warning: plugin " + jar + " ignored: " + why);
    }

    private Bundle install(Path jar) throws BundleException, LauncherException {
        Bundle b = context().installBundle("reference:" + jar.toUri());
        if (b.getSymbolicName() == null) {
            // A plain jar installs as an R3 bundle without a name and breaks later in odd ways.
            b.uninstall();
            throw new LauncherException("not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
        }
        return b;
    }

    /**
     * Starts {@code bundles} in order. Failures are not fatal: the verb may not need the bundle. A
     * plugin's is printed at once; a shipped bundle's is kept for {@link #warnAboutFailures} or, if
     * the command line service is missing because of it, for the error ({@link #describeFailures}).
     */
    void startAll(List<Bundle> bundles, boolean plugins) {
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                String line = b.getSymbolicName() + " (" + b.getLocation().replaceFirst("^reference:", "") + "): "
                        + reason(e);
                if (plugins) {
                    err.println("datum: warning: plugin " + line);
                } else {
                    failures.add(line);
                }
            }
        }
    }

    /**
     * Whether a shipped bundle failed to start. SCR registers a bundle's components while the bundle
     * starts, so a service missing after such a failure will not come later: no point in waiting.
     */
    boolean shippedBundleFailed() {
        return !failures.isEmpty();
    }

    void warnAboutFailures() {
        failures.forEach(f -> err.println("datum: warning: bundle " + f));
    }

    /** The exception's message, plus its cause's when Felix wraps one (e.g. "Unable to cache bundle" + the zip error). */
    private static String reason(Exception e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    String describeFailures() {
        return failures.isEmpty() ? "no bundle reported an error" : "bundles that did not start: " + String.join("; ", failures);
    }

    /** Blocks until something (the shell's {@code exit}) stops the framework. */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | InterruptedException | RuntimeException e) {
            // The JVM exits right after this; a bundle that misbehaves on stop must not change the exit code.
        }
    }
}
