package io.datum.launcher;

import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * Keeps Felix FileInstall, the shell's hot deploy of {@code plugins/}, from installing a plugin jar
 * in the place of a shipped bundle. FileInstall offers each file it finds to the
 * {@code ArtifactInstaller} services first, highest ranking first, and only installs a jar as a
 * bundle itself when none claims it; a jar with the symbolic name and version of an installed
 * bundle it would take as an update of that bundle, and uninstall again when the jar is deleted.
 * This installer claims the jars that {@link ShippedBundles#refusal} refuses, reports each with
 * one warning and installs nothing, so that deleting such a jar has nothing to undo.
 *
 * <p>The installer interface belongs to the FileInstall bundle, which does not import its own API
 * package: a class on the launcher's class path could not implement the interface FileInstall
 * sees. The installer is therefore a proxy of that interface as the FileInstall bundle loads it;
 * its methods take a {@link File} and return {@code boolean} or nothing, so the handler needs no
 * FileInstall class.
 */
final class ShippedBundleGuard implements InvocationHandler {
    static final String FILEINSTALL_BUNDLE = "org.apache.felix.fileinstall";
    static final String INSTALLER = "org.apache.felix.fileinstall.ArtifactInstaller";

    private final FelixRuntime felix;

    private ShippedBundleGuard(FelixRuntime felix) {
        this.felix = felix;
    }

    /** Registers the installer; call it before FileInstall starts, so that its first scan already sees it. */
    static void register(FelixRuntime felix, Bundle fileInstall) throws LauncherException {
        Class<?> installer;
        try {
            installer = fileInstall.loadClass(INSTALLER);
        } catch (ClassNotFoundException | IllegalStateException e) {
            throw new LauncherException("cannot load " + INSTALLER + " from " + fileInstall.getLocation() + ": " + e, e);
        }
        Object proxy = Proxy.newProxyInstance(installer.getClassLoader(), new Class<?>[] {installer},
                new ShippedBundleGuard(felix));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        felix.context().registerService(INSTALLER, proxy, properties);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "canHandle":
                return felix.shipped().refusal(((File) args[0]).toPath()).isPresent();
            case "install":
            case "update":
                File jar = (File) args[0];
                felix.shipped().refusal(jar.toPath()).ifPresent(why -> felix.ignorePlugin(jar.toPath(), why));
                return null;
            case "uninstall":
                // nothing was installed for the jar, so nothing is undone
                return null;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "datum: refuses plugins that would replace a shipped bundle";
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }
}
