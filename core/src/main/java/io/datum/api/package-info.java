/**
 * The embedding API: what Datumaro's Python API offers ({@code Dataset.import_from},
 * {@code dataset.export}, {@code Dataset.from_iterable}, detection) for Java code, as the
 * {@link io.datum.api.Datum} service in a framework and {@link io.datum.api.Datum#onClassPath()}
 * outside one.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.datum.api;
