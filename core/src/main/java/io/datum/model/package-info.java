/** The dataset model: items, media, annotations and categories, as immutable values. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package io.datum.model;
