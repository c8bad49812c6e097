/**
 * The Open Images (V4, V5, V6) format: detector ({@code detect}), streaming importer ({@code read})
 * and exporter ({@code write}), with the byte-level CSV and JSON code, the row sorting and the mask
 * decoder in their own packages; this package holds the names and settings they share. Private to
 * the bundle; the three components are found through the service registry, or built by
 * {@link io.datum.openimages.internal.OpenImagesFactory} on a plain class path.
 */
package io.datum.openimages.internal;
