/** The CVAT format bundle ("CVAT for images 1.1" and "for video" XML): detector, importer, exporter. Exports nothing. */
package io.datum.cvat.internal;
