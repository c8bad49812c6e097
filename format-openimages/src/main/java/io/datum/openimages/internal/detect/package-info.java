/**
 * Recognising an Open Images folder: which files name the annotations, class descriptions,
 * hierarchy and image lists of each subset, and the layout found. Private to the bundle.
 */
package io.datum.openimages.internal.detect;
