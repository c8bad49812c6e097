/**
 * The Open Images (V4, V5, V6) format: detector, streaming importer and exporter. Private to the
 * bundle; the three components are found through the service registry or {@code META-INF/services}.
 */
package io.datum.openimages.internal;
