/**
 * Segmentation mask images: the PNG decoder and the mask loaded from it. Private to the bundle.
 */
package io.datum.openimages.internal.media;
