/** Compact collections for streaming millions of items in bounded memory. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.datum.collections;
