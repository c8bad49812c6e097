/**
 * The strict JSON reader behind the hierarchy and meta files, and the JSON documents written. Private to the bundle.
 */
package io.datum.openimages.internal.json;
