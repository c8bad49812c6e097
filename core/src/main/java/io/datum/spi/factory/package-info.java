/**
 * Plain class-path use of a bundle's formats and transforms: each bundle offers one
 * {@link io.datum.spi.factory.PluginFactory}, found by {@link java.util.ServiceLoader}, that builds
 * its detectors, importers, exporters and transforms from a configuration map, the same keys and
 * values its DS components take as OSGi configuration ({@link io.datum.spi.factory.Configurations}).
 * So the components themselves need no public no-argument constructor and take their limits by
 * constructor injection.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.datum.spi.factory;
