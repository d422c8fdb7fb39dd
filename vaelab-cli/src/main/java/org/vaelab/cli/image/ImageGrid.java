package org.vaelab.cli.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.vaelab.data.Dataset;
import org.vaelab.run.AtomicFiles;

/**
 * Lays out equally shaped images (samples, reconstructions, latent traversals) in a grid and saves it as a PNG.
 * Images are CHW float arrays with values in [0, 1] (values outside are clamped); they fill the grid row by row,
 * and cells without an image stay the separator colour. Grey images give an 8-bit grey PNG, colour images RGB.
 */
public final class ImageGrid {

    /** Width of the lines between cells; there is no outer border. */
    public static final int SEPARATOR_PIXELS = 2;
    /** Mid grey stands apart from both the black backgrounds of MNIST and the white of natural images. */
    public static final int SEPARATOR_GREY = 128;
    /** Default upscaling aims for cells at least this many pixels on their longer side. */
    private static final int LEGIBLE_CELL_PIXELS = 96;

    private ImageGrid() {
    }

    /** The smallest integer scale-up that makes a cell legible: 4 for 28x28, 2 for 64x64, 1 from 96 pixels on. */
    public static int defaultScale(Dataset.Shape shape) {
        int longer = Math.max(shape.height(), shape.width());
        return Math.max(1, (LEGIBLE_CELL_PIXELS + longer - 1) / longer);
    }

    /** Writes the grid with {@link #defaultScale}. */
    public static void write(Path file, float[][] images, Dataset.Shape shape, int rows, int cols) throws IOException {
        write(file, images, shape, rows, cols, defaultScale(shape));
    }

    /**
     * Writes the grid to {@code file} atomically, creating parent directories.
     *
     * @param scale nearest-neighbour upscaling factor, at least 1
     * @throws IllegalArgumentException if the images do not match the shape or do not fit the grid
     */
    public static void write(Path file, float[][] images, Dataset.Shape shape, int rows, int cols, int scale)
            throws IOException {
        BufferedImage grid = render(images, shape, rows, cols, scale);
        AtomicFiles.write(file, temporary -> {
            if (!ImageIO.write(grid, "png", temporary.toFile())) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }

    /**
     * Renders the grid: {@code cols * w * scale + (cols - 1) * SEPARATOR_PIXELS} wide, likewise high.
     *
     * @throws IllegalArgumentException if the images do not match the shape or do not fit the grid
     */
    public static BufferedImage render(float[][] images, Dataset.Shape shape, int rows, int cols, int scale) {
        validate(images, shape, rows, cols, scale);
        long width = (long) cols * shape.width() * scale + (long) (cols - 1) * SEPARATOR_PIXELS;
        long height = (long) rows * shape.height() * scale + (long) (rows - 1) * SEPARATOR_PIXELS;
        if (width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + width + "x" + height + " grid is too large for one image");
        }
        return draw(images, shape, cols, scale, (int) width, (int) height);
    }

    private static BufferedImage draw(float[][] images, Dataset.Shape shape, int cols, int scale, int width,
            int height) {
        int cellWidth = shape.width() * scale;
        int cellHeight = shape.height() * scale;
        boolean grey = shape.channels() == 1;
        BufferedImage grid = new BufferedImage(width, height, grey ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        // Writing the backing arrays directly avoids colour-space conversion of grey values.
        byte[] greyPixels = grey ? ((DataBufferByte) grid.getRaster().getDataBuffer()).getData() : null;
        int[] rgbPixels = grey ? null : ((DataBufferInt) grid.getRaster().getDataBuffer()).getData();
        if (grey) {
            Arrays.fill(greyPixels, (byte) SEPARATOR_GREY);
        } else {
            Arrays.fill(rgbPixels, SEPARATOR_GREY * 0x010101);
        }
        int plane = shape.height() * shape.width();
        for (int index = 0; index < images.length; index++) {
            float[] image = images[index];
            int left = (index % cols) * (cellWidth + SEPARATOR_PIXELS);
            int top = (index / cols) * (cellHeight + SEPARATOR_PIXELS);
            for (int y = 0; y < cellHeight; y++) {
                int sourceRow = (y / scale) * shape.width();
                int out = (top + y) * width + left;
                for (int x = 0; x < cellWidth; x++) {
                    int source = sourceRow + x / scale;
                    if (grey) {
                        greyPixels[out + x] = (byte) toByte(image[source]);
                    } else {
                        rgbPixels[out + x] = toByte(image[source]) << 16 | toByte(image[plane + source]) << 8
                                | toByte(image[2 * plane + source]);
                    }
                }
            }
        }
        return grid;
    }

    /** Maps [0, 1] to 0..255, clamping; NaN becomes 0. */
    static int toByte(float value) {
        if (!(value > 0f)) {
            return 0;
        }
        return value >= 1f ? 255 : Math.round(value * 255f);
    }

    private static void validate(float[][] images, Dataset.Shape shape, int rows, int cols, int scale) {
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new IllegalArgumentException("images must have 1 or 3 channels, not " + shape.channels());
        }
        if (rows < 1 || cols < 1 || scale < 1) {
            throw new IllegalArgumentException("rows, cols and scale must be at least 1: " + rows + ", " + cols + ", "
                    + scale);
        }
        if (images.length > (long) rows * cols) {
            throw new IllegalArgumentException(images.length + " images do not fit a " + rows + "x" + cols + " grid");
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != shape.size()) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values; shape "
                        + shape.channels() + "x" + shape.height() + "x" + shape.width() + " needs " + shape.size());
            }
        }
    }
}
