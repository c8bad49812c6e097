/** Writing CVAT XML: the exporter, one writer per subset file, tracks, media copies. Private to the bundle. */
package io.datum.cvat.internal.write;
