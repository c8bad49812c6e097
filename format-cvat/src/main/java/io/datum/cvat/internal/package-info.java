/**
 * The CVAT format bundle ("CVAT for images 1.1" and "for video" XML): detector, importer, exporter in the
 * role packages below, and the vocabulary and codecs they share here. Exports nothing.
 */
package io.datum.cvat.internal;
