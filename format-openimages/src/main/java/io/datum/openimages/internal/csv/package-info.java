/**
 * Byte-level text: the strict CSV reader and writer, the in-memory CSV table and the shell-like
 * splitting of image-size lines. Private to the bundle.
 */
package io.datum.openimages.internal.csv;
