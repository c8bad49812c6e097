/** The registry of formats that are present right now, and format detection over all of them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.datum.registry;
