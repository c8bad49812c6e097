/**
 * The importer: opening a dataset, the item catalog, reading annotation rows and joining them
 * into items as a stream. Private to the bundle.
 */
package io.datum.openimages.internal.read;
