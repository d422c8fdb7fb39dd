package org.vaelab.data.idx;

/**
 * The pixels of an IDX image file: {@code count} images of {@code rows} x {@code cols} unsigned bytes, row-major,
 * one image after another. The array is shared, not copied: treat it as read-only.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        if (count < 0 || rows < 1 || cols < 1 || (long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(
                    "pixels length " + pixels.length + " does not match " + count + " images of " + rows + "x" + cols);
        }
    }

    public int pixelsPerImage() {
        return rows * cols;
    }
}
