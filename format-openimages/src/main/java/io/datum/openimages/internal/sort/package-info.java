/**
 * Putting annotation rows in item order: the row sorter (radix-sorted runs handed to core's
 * external sort) and its binary row form, the sorted and in-order row streams, and their
 * read-ahead. Private to the bundle.
 */
package io.datum.openimages.internal.sort;
