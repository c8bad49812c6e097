/** The binary form of annotations in the spill files of sorts by a key. Private to the bundle. */
package io.datum.cvat.internal.sort;
