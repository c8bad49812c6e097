package io.datum.launcher;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs one {@code datum} command line through the cli bundle's command line service, found by
 * the property {@value #FILTER} and called reflectively: its signature
 * {@code int execute(String[], PrintStream, PrintStream)} uses JDK types only, so the launcher
 * needs none of the bundle's classes.
 */
final class VerbRunner {
    static final String FILTER = "(datum.commandline=true)";
    static final String TIMEOUT_PROPERTY = "datum.startup.timeout";

    private VerbRunner() {
    }

    static int run(FelixRuntime felix, String[] args, PrintStream out, PrintStream err) throws LauncherException {
        Object service = awaitService(felix);
        felix.warnAboutFailures();
        Method execute;
        try {
            execute = service.getClass().getMethod("execute", String[].class, PrintStream.class, PrintStream.class);
        } catch (NoSuchMethodException e) {
            throw new LauncherException("the service " + FILTER + " (" + service.getClass().getName()
                    + ") has no method int execute(String[], PrintStream, PrintStream)");
        }
        try {
            Object code = execute.invoke(service, args, out, err);
            if (!(code instanceof Integer)) {
                throw new LauncherException(service.getClass().getName() + ".execute returned " + code + ", not an exit code");
            }
            return (Integer) code;
        } catch (InvocationTargetException e) {
            throw new LauncherException("internal error in the command line: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new LauncherException("cannot call " + service.getClass().getName() + ".execute: " + e.getMessage(), e);
        }
    }

    private static Object awaitService(FelixRuntime felix) throws LauncherException {
        // Normally the service is there as soon as the bundles have started; the wait only covers slow
        // asynchronous activation. After a shipped bundle failed to start, look once and report.
        long timeoutMs = felix.shippedBundleFailed() ? 1 : Long.getLong(TIMEOUT_PROPERTY, 10_000L);
        BundleContext context = felix.context();
        Filter filter;
        try {
            filter = context.createFilter(FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        // trackAllServices: the launcher cannot load the service's class, and need not.
        tracker.open(true);
        try {
            Object service = tracker.waitForService(timeoutMs);
            if (service == null) {
                throw new LauncherException("the datum command line service " + FILTER + " is not available"
                        + (felix.shippedBundleFailed() ? "" : " after " + timeoutMs + " ms (-D" + TIMEOUT_PROPERTY + ")")
                        + "; " + felix.describeFailures());
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the command line service", e);
        }
    }
}
