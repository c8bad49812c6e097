package io.datum.api;

import java.nio.file.Path;

/**
 * What {@link Dataset#render} wrote: the folder, the number of pictures (item pictures or sheets),
 * the items drawn, and how many of them were drawn on a blank canvas because their image file was
 * absent or unreadable.
 *
 * @since 1.2
 */
public record RenderResult(Path output, long pictures, long items, long blank) {
}
