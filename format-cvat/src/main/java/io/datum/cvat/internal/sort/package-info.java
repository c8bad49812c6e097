/** Sorting annotations by a key with spill files when they do not fit in memory, and their binary codec. Private to the bundle. */
package io.datum.cvat.internal.sort;
