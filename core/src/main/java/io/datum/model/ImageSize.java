package io.datum.model;

/** Width and height of an image in pixels. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative image size " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }
}
