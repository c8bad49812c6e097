/** Values sorted on disk by a key and a minor key: a frame's records, a track's shapes. Private to the bundle. */
package io.datum.cvat.internal.sort;
