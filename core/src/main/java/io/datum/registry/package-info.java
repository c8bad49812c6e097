/** The registry of formats and transforms that are present right now, and format detection over all formats. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.datum.registry;
