/**
 * The exporter: per-subset CSV files, class descriptions, hierarchy and meta, media copies, and
 * in-place updates of an existing dataset. Private to the bundle.
 */
package io.datum.openimages.internal.write;
