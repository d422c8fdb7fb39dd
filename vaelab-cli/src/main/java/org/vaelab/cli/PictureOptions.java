package org.vaelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vaelab.cli.image.ImageGrid;
import org.vaelab.data.Dataset;
import org.vaelab.explore.Pictures;
import picocli.CommandLine.Option;

/** Output options of the picture commands, and the shared write step. */
final class PictureOptions {
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the PNG file to write")
    Path out;

    @Option(names = "--scale", description = "pixel magnification (default: fits 28x28 and 64x64 legibly)")
    Integer scale;

    static Pictures pictures(RunOptions.Loaded loaded, long seed) {
        return new Pictures(loaded.trained().model(), loaded.data(), seed);
    }

    void write(float[][][] grid, Dataset.Shape shape) {
        if (!shape.isImage()) {
            throw new org.vaelab.UserInputException("this run's data are " + shape.size() + "-d points, not images, "
                    + "so there is no picture to draw; use ./vaelab plot");
        }
        int rows = grid.length;
        int cols = 0;
        for (float[][] row : grid) {
            cols = Math.max(cols, row.length);
        }
        float[][] images = new float[rows * cols][];
        float[] blank = new float[shape.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                images[r * cols + c] = c < grid[r].length ? grid[r][c] : blank;
            }
        }
        try {
            ImageGrid.write(out, images, shape, rows, cols, scale != null ? scale : ImageGrid.defaultScale(shape));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        System.out.println("wrote " + out);
    }
}
