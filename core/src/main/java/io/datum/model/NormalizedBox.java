package io.datum.model;

/**
 * The normalised corners a box was read from ({@code XMin..YMax} in [0, 1]) together with the
 * image size used to scale them. A writer of normalised coordinates that sees the same image size
 * writes these numbers back unchanged, so Open Images → Open Images keeps every digit it read
 * (decisions D1) instead of {@code (x * W) / W}, which can differ in the last bit.
 */
public record NormalizedBox(double xMin, double xMax, double yMin, double yMax, ImageSize scaledBy) {
}
