/**
 * Contract tests for format bundles: a format author extends {@link io.datum.testkit.FormatContract}
 * with the format's importer, exporter and detector and a few sample folders, and JUnit 5 runs the
 * checks every format must pass.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.datum.testkit;
