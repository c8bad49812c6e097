/**
 * Reading CVAT XML: the importer, the file skim that finds the subsets and frames, the {@code <meta>} and body
 * readers, and the passes that hand frames over in order. Private to the bundle.
 */
package io.datum.cvat.internal.read;
