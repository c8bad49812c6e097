package io.datum.model;

/**
 * The normalised coordinates ({@code x0, y0, x1, y1, ...} in [0, 1]) that points were read from,
 * with the image size used to scale them to pixels. A writer of normalised coordinates that sees
 * the same image size and the same pixels writes these numbers back unchanged, so that an exact
 * round trip does not depend on {@code (x * W) / W} giving back {@code x} (decisions D1).
 */
public record NormalizedPoints(Coords coords, ImageSize scaledBy) {
}
