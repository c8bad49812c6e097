package io.datum.core.internal;

import io.datum.registry.DetectionReport;
import io.datum.registry.DetectionReport.Rejection;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import io.datum.registry.TransformInfo;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import io.datum.spi.transform.DatasetTransform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The registry's state: every registered detector, importer and exporter with its format name,
 * ranking and provider. Fed by the DS tracker in a framework and by the ServiceLoader outside one.
 * Registrations live in a copy-on-write list, so every lookup works on a consistent snapshot while
 * bundles come and go. When two providers claim one role of one name, the choice is the higher
 * service ranking, then the higher provider version, then the lower bundle id (for jars on a class
 * path: the earlier one); the others stay registered, so {@link #providers} can report the clash
 * and the next one takes over when the chosen bundle leaves.
 * <p>
 * A registration may hold its service as a {@link Supplier} that is called on first use: in a
 * framework, getting a service activates its component, and listing the formats or running one
 * conversion should not construct every detector, importer, exporter and transform installed.
 */
public final class FormatTable implements FormatRegistry {
    /** What a registration is: one role of a format, or a transform (whose names are a namespace of their own). */
    public enum Role { DETECTOR, IMPORTER, EXPORTER, TRANSFORM }

    /**
     * Where a service comes from: a bundle (or jar) name and version, plus the format's description;
     * {@code id} orders providers of equal version (the bundle id, or the class-path position).
     */
    public record Provider(String name, String version, String description, long id) {
    }

    /** {@code key}: what {@link #remove} names the registration by (the service, or its reference in a framework). */
    private record Registration(Role role, Object key, ServiceHandle service, String format, int ranking,
                                Provider provider, long order) {
    }

    /**
     * A service obtained once, on first use, and kept: the supplier returns null when the service
     * cannot be had (in a framework: its component failed to activate), and the registration is
     * then passed over.
     */
    private static final class ServiceHandle {
        private final Supplier<?> supplier;
        private volatile boolean obtained;
        private volatile Object service;

        ServiceHandle(Supplier<?> supplier) {
            this.supplier = supplier;
        }

        static ServiceHandle of(Object service) {
            ServiceHandle h = new ServiceHandle(null);
            h.service = service;
            h.obtained = true;
            return h;
        }

        Object get() {
            if (!obtained) {
                synchronized (this) {
                    if (!obtained) {
                        service = supplier.get();
                        obtained = true;
                    }
                }
            }
            return service;
        }

        /** The service if it was obtained already, else null: never obtains it. */
        Object ifObtained() {
            return obtained ? service : null;
        }
    }

    private final CopyOnWriteArrayList<Registration> registrations = new CopyOnWriteArrayList<>();
    private long counter;

    /** Registers {@code service}, named by itself for {@link #remove}. */
    public void add(Role role, Object service, String format, int ranking, Provider provider) {
        add(role, service, ServiceHandle.of(service), format, ranking, provider);
    }

    /**
     * Registers a service obtained from {@code service} when it is first used (never for listing
     * formats, transforms or providers), named by {@code key} for {@link #remove}.
     */
    public void add(Role role, Object key, Supplier<?> service, String format, int ranking, Provider provider) {
        add(role, key, new ServiceHandle(service), format, ranking, provider);
    }

    private synchronized void add(Role role, Object key, ServiceHandle service, String format, int ranking,
                                  Provider provider) {
        registrations.add(new Registration(role, key, service, format, ranking, provider, counter++));
    }

    /** Removes the registration of {@code role} named by {@code key} (the same object that was added). */
    public synchronized void remove(Role role, Object key) {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            Registration r = registrations.get(i);
            if (r.role == role && r.key == key) {
                registrations.remove(i);
            }
        }
    }

    // The lookups below are plain loops and CHOICE a class of its own, not streams and composed
    // lambdas: every verb makes them once at start-up, where each lambda of a bundle's class is
    // spun at run time (a class-data sharing archive keeps only the JDK's) and a record's equals
    // is linked through method handles, which together cost more than the lookups themselves.

    /** Which of two registrations of one name is chosen first (see the class comment). */
    private static final Comparator<Registration> CHOICE = new Choice();

    private static final class Choice implements Comparator<Registration> {
        @Override
        public int compare(Registration a, Registration b) {
            int c = Integer.compare(-a.ranking, -b.ranking);
            if (c == 0) {
                c = compareVersions(b.provider.version(), a.provider.version());
            }
            if (c == 0) {
                c = Long.compare(a.provider.id(), b.provider.id());
            }
            return c != 0 ? c : Long.compare(a.order, b.order);
        }
    }

    /** The registrations of {@code role} (a format role, or transforms) and {@code name}, the chosen one first. */
    private List<Registration> ranked(Role role, String name) {
        List<Registration> found = new ArrayList<>(2);
        for (Registration r : registrations) {
            if (r.role == role && r.format.equals(name)) {
                found.add(r);
            }
        }
        if (found.size() > 1) {
            found.sort(CHOICE);
        }
        return found;
    }

    private Optional<Registration> best(Role role, String format) {
        Registration best = null;
        for (Registration r : registrations) {
            if (r.role == role && r.format.equals(format) && (best == null || CHOICE.compare(r, best) < 0)) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The service of the chosen registration of {@code role} and {@code format} that can be had, obtained now. */
    private Optional<Object> chosenService(Role role, String format) {
        for (Registration r : ranked(role, format)) {
            Object service = r.service.get();
            if (service != null) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<FormatInfo> providers(String name) {
        List<FormatInfo> out = new ArrayList<>(2);
        for (Provider p : distinctProviders(name, false)) {
            out.add(infoOf(name, p));
        }
        return List.copyOf(out);
    }

    /** The providers of {@code name}, the chosen one first, among transforms or among formats. */
    private List<Provider> distinctProviders(String name, boolean transform) {
        List<Registration> found = new ArrayList<>(4);
        for (Registration r : registrations) {
            if (r.format.equals(name) && (r.role == Role.TRANSFORM) == transform) {
                found.add(r);
            }
        }
        if (found.size() > 1) {
            found.sort(CHOICE);
        }
        List<Provider> seen = new ArrayList<>(2);
        for (Registration r : found) {
            boolean known = false;
            for (Provider p : seen) {
                known |= sameProvider(p, r.provider);
            }
            if (!known) {
                seen.add(r.provider);
            }
        }
        return seen;
    }

    /** {@code a.equals(b)}, written out (see above). */
    private static boolean sameProvider(Provider a, Provider b) {
        return a == b || a.id() == b.id() && a.name().equals(b.name()) && a.version().equals(b.version())
                && a.description().equals(b.description());
    }

    @Override
    public Optional<FormatInfo> providerOf(Throwable failure) {
        List<Registration> snapshot = List.copyOf(registrations);
        // nearest first: a service's own class (or a class nested in it), then a class of its package
        // (two formats of one bundle may share a package, a format's helpers rarely sit in another
        // format's class), then any class of the bundle or jar that holds the service
        for (Nearness nearness : Nearness.values()) {
            int causes = 0;
            for (Throwable t = failure; t != null && causes++ < 32; t = t.getCause()) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    for (Registration r : snapshot) {
                        // a service never obtained has run no code that could have failed
                        Object service = r.service.ifObtained();
                        if (service != null && isOf(frame.getClassName(), service.getClass(), nearness)) {
                            return Optional.of(infoOf(r.format, r.provider));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private enum Nearness { CLASS, PACKAGE, ORIGIN }

    private static boolean isOf(String frameClass, Class<?> service, Nearness nearness) {
        String name = service.getName();
        if (frameClass.equals(name) || frameClass.startsWith(name + "$")) {
            return true;
        }
        String pkg = service.getPackageName();
        switch (nearness) {
            case PACKAGE:
                return !pkg.isEmpty() && frameClass.startsWith(pkg + ".") && frameClass.indexOf('.', pkg.length() + 1) < 0;
            case ORIGIN:
                return sameOrigin(frameClass, service);
            default:
                return false;
        }
    }

    /**
     * Whether the class named by a stack frame comes from where {@code service}'s class comes from:
     * the service's class loader loads it by that name and defines it itself (a bundle's loader
     * defines only its bundle's classes, and delegates imported and JDK packages), from the same code
     * source (on a class path one loader defines the classes of every jar). Never for a service that
     * comes from where this registry comes from (one jar holding core and formats): every failure of
     * core's own code would then be blamed on that format.
     */
    private static boolean sameOrigin(String frameClass, Class<?> service) {
        ClassLoader loader = service.getClassLoader();
        if (loader == null || loader == FormatTable.class.getClassLoader()
                && Objects.equals(location(service), location(FormatTable.class))) {
            return false;
        }
        Class<?> c;
        try {
            c = loader.loadClass(frameClass);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // a class of no bundle the service's can see (or a hidden class, which has no loadable name)
            return false;
        }
        return c.getClassLoader() == loader && Objects.equals(location(c), location(service));
    }

    /** Where {@code c} was loaded from, as text: {@link java.net.URL#equals} may look host names up. */
    private static Object location(Class<?> c) {
        ProtectionDomain domain = c.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source == null ? domain : String.valueOf(source.getLocation());
    }

    /** What one provider offers for {@code name}, whether or not it is the one chosen. */
    private FormatInfo infoOf(String name, Provider provider) {
        boolean imports = false;
        boolean exports = false;
        boolean detects = false;
        for (Registration r : registrations) {
            if (r.format.equals(name) && sameProvider(r.provider, provider) && r.role != Role.TRANSFORM) {
                imports |= r.role == Role.IMPORTER;
                exports |= r.role == Role.EXPORTER;
                detects |= r.role == Role.DETECTOR;
            }
        }
        return new FormatInfo(name, imports, exports, detects, provider.name(), provider.version(), provider.description());
    }

    /**
     * Orders versions such as {@code 1.10.0}, {@code 1.2.0.SNAPSHOT} or {@code 2.13.2}: numeric
     * parts as numbers, other parts as text, a missing part first. Lenient, since jars on a class
     * path may carry any implementation version (or none).
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.\\-]");
        String[] y = b.split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "";
            String q = i < y.length ? y[i] : "";
            int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}")
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public List<FormatInfo> formats() {
        TreeMap<String, FormatInfo> out = new TreeMap<>();
        for (Registration r : registrations) {
            if (r.role != Role.TRANSFORM && !out.containsKey(r.format)) {
                out.put(r.format, info(r.format).orElseThrow());
            }
        }
        return List.copyOf(out.values());
    }

    @Override
    public List<TransformInfo> transforms() {
        TreeMap<String, TransformInfo> out = new TreeMap<>();
        for (Registration r : registrations) {
            if (r.role == Role.TRANSFORM && !out.containsKey(r.format)) {
                out.put(r.format, transformInfo(r.format, best(Role.TRANSFORM, r.format).orElseThrow().provider));
            }
        }
        return List.copyOf(out.values());
    }

    @Override
    public Optional<DatasetTransform> transform(String name) {
        return chosenService(Role.TRANSFORM, name).map(DatasetTransform.class::cast);
    }

    @Override
    public List<TransformInfo> transformProviders(String name) {
        List<TransformInfo> out = new ArrayList<>(2);
        for (Provider p : distinctProviders(name, true)) {
            out.add(transformInfo(name, p));
        }
        return List.copyOf(out);
    }

    private static TransformInfo transformInfo(String name, Provider provider) {
        return new TransformInfo(name, provider.name(), provider.version(), provider.description());
    }

    @Override
    public Optional<FormatInfo> format(String name) {
        return info(name);
    }

    private Optional<FormatInfo> info(String name) {
        Optional<Registration> d = best(Role.DETECTOR, name);
        Optional<Registration> i = best(Role.IMPORTER, name);
        Optional<Registration> e = best(Role.EXPORTER, name);
        Registration any = i.orElse(e.orElse(d.orElse(null)));
        return any == null ? Optional.empty() : Optional.of(new FormatInfo(name, i.isPresent(), e.isPresent(),
                d.isPresent(), any.provider.name(), any.provider.version(), any.provider.description()));
    }

    @Override
    public Optional<DatasetImporter> importer(String name) {
        return chosenService(Role.IMPORTER, name).map(DatasetImporter.class::cast);
    }

    @Override
    public Optional<DatasetExporter> exporter(String name) {
        return chosenService(Role.EXPORTER, name).map(DatasetExporter.class::cast);
    }

    @Override
    public DetectionReport detect(Path path, int depth) {
        // Snapshot: formats that can be imported, in registration order (the reference reports
        // rejections in registry order).
        LinkedHashMap<String, FormatDetector> detectors = new LinkedHashMap<>();
        List<String> importable = new ArrayList<>();
        for (Registration r : registrations) {
            if (r.role == Role.IMPORTER && !importable.contains(r.format)) {
                importable.add(r.format);
            }
        }
        for (String f : importable) {
            chosenService(Role.DETECTOR, f).ifPresent(d -> detectors.put(f, (FormatDetector) d));
        }
        Map<String, Confidence> matched = new LinkedHashMap<>();
        Map<String, Rejection> rejected = new LinkedHashMap<>();
        for (String f : importable) {
            if (!detectors.containsKey(f)) {
                rejected.put(f, new Rejection(Rejection.DETECTION_UNSUPPORTED, "Detection for this format is unsupported"));
            }
        }
        Path dir = path;
        for (int level = 0; level <= depth && dir != null; level++) {
            if (!Files.isDirectory(dir)) {
                for (String f : detectors.keySet()) {
                    rejected.putIfAbsent(f, new Rejection(Rejection.UNMET_REQUIREMENTS,
                            "The following requirement was not met:\n  root path " + dir + " must refer to a directory"));
                }
                break;
            }
            for (Map.Entry<String, FormatDetector> d : detectors.entrySet()) {
                Detection result;
                try {
                    result = d.getValue().detect(dir);
                } catch (IOException | RuntimeException | LinkageError e) {
                    // A broken detector rejects its own format and nothing else.
                    result = new Detection(null, "The detector failed: " + e);
                }
                if (result.matched()) {
                    matched.merge(d.getKey(), result.confidence(), (a, b) -> a.level() >= b.level() ? a : b);
                    rejected.remove(d.getKey());
                } else if (!matched.containsKey(d.getKey())) {
                    rejected.putIfAbsent(d.getKey(), new Rejection(Rejection.UNMET_REQUIREMENTS, result.message()));
                }
            }
            dir = onlySubdirectory(dir);
        }
        int best = matched.values().stream().mapToInt(Confidence::level).max().orElse(0);
        TreeSet<String> detected = new TreeSet<>();
        String winner = null;
        for (Map.Entry<String, Confidence> m : matched.entrySet()) {
            if (m.getValue().level() == best) {
                detected.add(m.getKey());
                if (winner == null) {
                    winner = m.getKey();
                }
            }
        }
        for (Map.Entry<String, Confidence> m : matched.entrySet()) {
            if (m.getValue().level() < best) {
                rejected.put(m.getKey(), new Rejection(Rejection.INSUFFICIENT_CONFIDENCE,
                        "Another format (" + winner + ") was matched with more confidence"));
            }
        }
        return new DetectionReport(List.copyOf(detected), rejected);
    }

    /** The single visible entry of {@code dir} when it is a directory, as the reference descends. */
    private static Path onlySubdirectory(Path dir) {
        List<Path> visible = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".")) {
                    visible.add(p);
                    if (visible.size() > 1) {
                        return null;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (visible.size() == 1 && Files.isDirectory(visible.get(0))) {
            String name = visible.get(0).getFileName().toString();
            if (!name.equals("__MACOSX") && !name.equals("__MSOSX")) {
                return visible.get(0);
            }
        }
        return null;
    }
}
