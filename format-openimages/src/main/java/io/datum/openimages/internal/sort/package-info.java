/**
 * Putting annotation rows in item order: spilling external sorts, the sorted and in-order row
 * streams, and their read-ahead. Private to the bundle.
 */
package io.datum.openimages.internal.sort;
