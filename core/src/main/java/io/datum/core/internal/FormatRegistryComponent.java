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
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
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
 */
@Component(service = FormatRegistry.class, immediate = true)
public class FormatRegistryComponent implements FormatRegistry {
    private static final String FORMAT_PREFIX = "datum.format.";
    private static final String TRANSFORM_PREFIX = "datum.transform.";
    private final FormatTable table = new FormatTable();

    @Reference(name = "detector", service = FormatDetector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDetector")
    void bindDetector(ServiceReference<FormatDetector> ref, FormatDetector service) {
        add(FormatTable.Role.DETECTOR, ref, service);
    }

    void unbindDetector(FormatDetector service) {
        table.remove(FormatTable.Role.DETECTOR, service);
    }

    @Reference(name = "importer", service = DatasetImporter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindImporter")
    void bindImporter(ServiceReference<DatasetImporter> ref, DatasetImporter service) {
        add(FormatTable.Role.IMPORTER, ref, service);
    }

    void unbindImporter(DatasetImporter service) {
        table.remove(FormatTable.Role.IMPORTER, service);
    }

    @Reference(name = "exporter", service = DatasetExporter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindExporter")
    void bindExporter(ServiceReference<DatasetExporter> ref, DatasetExporter service) {
        add(FormatTable.Role.EXPORTER, ref, service);
    }

    void unbindExporter(DatasetExporter service) {
        table.remove(FormatTable.Role.EXPORTER, service);
    }

    @Reference(name = "transform", service = DatasetTransform.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindTransform")
    void bindTransform(ServiceReference<DatasetTransform> ref, DatasetTransform service) {
        add(FormatTable.Role.TRANSFORM, ref, service);
    }

    void unbindTransform(DatasetTransform service) {
        table.remove(FormatTable.Role.TRANSFORM, service);
    }

    private void add(FormatTable.Role role, ServiceReference<?> ref, Object service) {
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
        table.add(role, service, (String) name, ranking instanceof Integer ? (Integer) ranking : 0, provider);
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
