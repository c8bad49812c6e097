/**
 * The embedding API: what Datumaro's Python API offers ({@code Dataset.import_from},
 * {@code dataset.filter}, {@code dataset.transform}, {@code dataset.export},
 * {@code Dataset.from_iterable}, detection) for Java code, as the {@link io.datum.api.Datum}
 * service in a framework and {@link io.datum.api.Datum#onClassPath()} outside one. Every front end
 * ({@code datum}, the shell commands) runs its work through this package's {@link io.datum.api.Dataset}
 * pipeline.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.datum.api;
