package io.datum.core.internal;

import io.datum.registry.DetectionReport;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import io.datum.registry.TransformInfo;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.transform.DatasetTransform;
import java.nio.file.Path;
import java.util.List;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The registry service in a framework: a whiteboard that tracks every detector, importer,
 * exporter and transform service (multiple, dynamic, greedy), so that format and transform bundles
 * are seen the moment they start and forgotten the moment they stop. Services without a
 * {@code datum.format.name} (transforms: {@code datum.transform.name}) property are ignored.
 * <p>
 * It binds the services' references only, and gets a service (activating its component) when it
 * is first used: names, roles and providers come from the references' properties and bundles, so
 * listing the formats activates none of them and a conversion only its importer and exporter.
 */
@Component(service = FormatRegistry.class, immediate = true)
public class FormatRegistryComponent implements FormatRegistry {
    private static final String FORMAT_PREFIX = "datum.format.";
    private static final String TRANSFORM_PREFIX = "datum.transform.";
    private final FormatTable table = new FormatTable();
    /** Gets a bound service on first use (the references are bound after the constructor). */
    private final BundleContext context;
    /** The references whose service was got through {@link #context}: given back when they are unbound. */
    private final Set<ServiceReference<?>> got = ConcurrentHashMap.newKeySet();

    @Activate
    public FormatRegistryComponent(BundleContext context) {
        this.context = context;
    }

    // The unbind methods get the same reference object as the bind methods: a service registration
    // has one reference, which FormatTable.remove matches by identity.

    @Reference(name = "detector", service = FormatDetector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDetector")
    void bindDetector(ServiceReference<FormatDetector> ref) {
        add(FormatTable.Role.DETECTOR, ref);
    }

    void unbindDetector(ServiceReference<FormatDetector> ref) {
        remove(FormatTable.Role.DETECTOR, ref);
    }

    @Reference(name = "importer", service = DatasetImporter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindImporter")
    void bindImporter(ServiceReference<DatasetImporter> ref) {
        add(FormatTable.Role.IMPORTER, ref);
    }

    void unbindImporter(ServiceReference<DatasetImporter> ref) {
        remove(FormatTable.Role.IMPORTER, ref);
    }

    @Reference(name = "exporter", service = DatasetExporter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindExporter")
    void bindExporter(ServiceReference<DatasetExporter> ref) {
        add(FormatTable.Role.EXPORTER, ref);
    }

    void unbindExporter(ServiceReference<DatasetExporter> ref) {
        remove(FormatTable.Role.EXPORTER, ref);
    }

    @Reference(name = "transform", service = DatasetTransform.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindTransform")
    void bindTransform(ServiceReference<DatasetTransform> ref) {
        add(FormatTable.Role.TRANSFORM, ref);
    }

    void unbindTransform(ServiceReference<DatasetTransform> ref) {
        remove(FormatTable.Role.TRANSFORM, ref);
    }

    private void add(FormatTable.Role role, ServiceReference<?> ref) {
        String prefix = role == FormatTable.Role.TRANSFORM ? TRANSFORM_PREFIX : FORMAT_PREFIX;
        Object name = ref.getProperty(prefix + "name");
        if (!(name instanceof String) || ((String) name).isEmpty()) {
            return;
        }
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        Object description = ref.getProperty(prefix + "description");
        Bundle b = ref.getBundle();
        FormatTable.Provider provider = new FormatTable.Provider(b == null ? "?" : b.getSymbolicName(),
                b == null ? "" : b.getVersion().toString(), description instanceof String ? (String) description : "",
                b == null ? Long.MAX_VALUE : b.getBundleId());
        table.add(role, ref, () -> get(ref), (String) name, ranking instanceof Integer ? (Integer) ranking : 0, provider);
    }

    /** The service of {@code ref}, null when it cannot be had (its component failed to activate, or it is gone). */
    private Object get(ServiceReference<?> ref) {
        Object service;
        try {
            service = context.getService(ref);
        } catch (IllegalStateException e) {
            // this component is being deactivated: its context is no longer valid
            return null;
        }
        if (service != null) {
            got.add(ref);
        }
        return service;
    }

    private void remove(FormatTable.Role role, ServiceReference<?> ref) {
        table.remove(role, ref);
        if (got.remove(ref)) {
            try {
                context.ungetService(ref);
            } catch (IllegalStateException e) {
                // this component is being deactivated: the framework releases its services itself
            }
        }
    }

    @Override
    public List<FormatInfo> formats() {
        return table.formats();
    }

    @Override
    public Optional<FormatInfo> format(String name) {
        return table.format(name);
    }

    @Override
    public List<FormatInfo> providers(String name) {
        return table.providers(name);
    }

    @Override
    public Optional<FormatInfo> providerOf(Throwable failure) {
        return table.providerOf(failure);
    }

    @Override
    public Optional<DatasetImporter> importer(String name) {
        return table.importer(name);
    }

    @Override
    public Optional<DatasetExporter> exporter(String name) {
        return table.exporter(name);
    }

    @Override
    public List<TransformInfo> transforms() {
        return table.transforms();
    }

    @Override
    public Optional<DatasetTransform> transform(String name) {
        return table.transform(name);
    }

    @Override
    public List<TransformInfo> transformProviders(String name) {
        return table.transformProviders(name);
    }

    @Override
    public DetectionReport detect(Path path, int depth) {
        return table.detect(path, depth);
    }

}
