package org.vaelab.explore;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Image grids that show what a model learned, as plain row-major arrays of images (each a flat CHW vector
 * in [0, 1]); writing them to PNG is the caller's business. Decoded images are the likelihood's mean. Images
 * have the data's observed shape: a class-conditional model's label columns are not drawn.
 */
public final class Pictures {
    private final VariationalAutoencoder model;
    private final Dataset data;
    private final long seed;

    private final int observedDim;

    public Pictures(VariationalAutoencoder model, Dataset data, long seed) {
        this.model = model;
        this.data = data;
        this.seed = seed;
        this.observedDim = data.observedShape().size();
    }

    /** {@code count} random examples and their reconstructions, as rows of originals then reconstructions. */
    public float[][][] reconstructions(int count, int perRow) {
        float[][] originals = examples(randomIndices(count));
        return alternating(observed(originals), decode(encodeMeans(originals)), perRow);
    }

    /**
     * VLAE's lossy compression (Chen et al. 2017, figure 2): {@code count} random examples, each next to an image
     * drawn from p(x | z) at its posterior mean z. With an autoregressive decoder the draw runs pixel by pixel, so
     * what z kept (global structure) is reproduced and what the decoder models locally (texture) is made up anew.
     */
    public float[][][] compressions(int count, int perRow) {
        float[][] originals = examples(randomIndices(count));
        float[][] decompressed;
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            Engine.seed(seed);
            decompressed = observed(model.decoder().decode(stack(encodeMeans(originals))).sample().toMatrix());
        }
        return alternating(observed(originals), decompressed, perRow);
    }

    /** Rows of {@code top} images, each followed by the row of their counterparts in {@code bottom}. */
    private static float[][][] alternating(float[][] top, float[][] bottom, int perRow) {
        int count = top.length;
        int rows = (count + perRow - 1) / perRow;
        float[][][] grid = new float[2 * rows][][];
        for (int r = 0; r < rows; r++) {
            int from = r * perRow;
            int to = Math.min(count, from + perRow);
            grid[2 * r] = Arrays.copyOfRange(top, from, to);
            grid[2 * r + 1] = Arrays.copyOfRange(bottom, from, to);
        }
        return grid;
    }

    /** Decoded draws from the prior, {@code rows} x {@code cols}. */
    public float[][][] samples(int rows, int cols) {
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            Engine.seed(seed);
            Tensor z = model.prior().sample((long) rows * cols);
            return chunk(decodeTensor(z), cols);
        }
    }

    /**
     * One row per latent dimension (the {@code dims} given, in that order), moving that coordinate of one
     * example's posterior mean over {@code cols} values from {@code -limit} to {@code limit}.
     */
    public float[][][] traversal(int[] dims, int cols, double limit) {
        float[] base = encodeMeans(examples(randomIndices(1)))[0];
        float[][] codes = new float[dims.length * cols][];
        for (int r = 0; r < dims.length; r++) {
            for (int c = 0; c < cols; c++) {
                float[] z = base.clone();
                z[dims[r]] = (float) (-limit + 2 * limit * c / Math.max(1, cols - 1));
                codes[r * cols + c] = z;
            }
        }
        return chunk(decode(codes), cols);
    }

    /** Latent dimensions ordered by mean KL over {@code count} examples, largest first. */
    public static int[] dimensionsByKl(double[] klPerDim) {
        return IntStream.range(0, klPerDim.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> klPerDim[j]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    /** Mean KL of each latent dimension over {@code count} random examples. */
    public double[] klPerDimension(int count) {
        float[][] x = examples(randomIndices(count));
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            Engine.seed(seed);
            var kl = model.forward(stack(x)).kl();
            if (kl.perDimension() == null) {
                throw new UserInputException("this model's KL does not split by dimension, so dimensions cannot be "
                        + "ranked by KL");
            }
            float[] mean = kl.perDimension().mean(0).toFloats();
            double[] out = new double[mean.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = mean[j];
            }
            return out;
        }
    }

    /** {@code rows} pairs of random examples, each row decoding {@code cols} points on the line between codes. */
    public float[][][] interpolations(int rows, int cols) {
        float[][] codes = encodeMeans(examples(randomIndices(2 * rows)));
        float[][] path = new float[rows * cols][];
        for (int r = 0; r < rows; r++) {
            float[] a = codes[2 * r];
            float[] b = codes[2 * r + 1];
            for (int c = 0; c < cols; c++) {
                float t = cols == 1 ? 0 : (float) c / (cols - 1);
                float[] z = new float[a.length];
                for (int j = 0; j < z.length; j++) {
                    z[j] = (1 - t) * a[j] + t * b[j];
                }
                path[r * cols + c] = z;
            }
        }
        return chunk(decode(path), cols);
    }

    private int[] randomIndices(int count) {
        if (count > data.size()) {
            throw new UserInputException("asked for " + count + " examples but the data has only " + data.size());
        }
        return new SplittableRandom(seed).ints(0, data.size()).distinct().limit(count).toArray();
    }

    private float[][] examples(int[] indices) {
        float[] flat = new float[indices.length * data.dim()];
        data.fill(indices, flat, new SplittableRandom(seed));
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * data.dim(), (i + 1) * data.dim());
        }
        return out;
    }

    private float[][] encodeMeans(float[][] x) {
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            return model.encoder().encode(stack(x)).mean().toMatrix();
        }
    }

    private float[][] decode(float[][] z) {
        try (NoGrad ng = NoGrad.open(); Scope scope = Scope.open()) {
            return decodeTensor(stack(z));
        }
    }

    private float[][] decodeTensor(Tensor z) {
        return observed(model.decoder().decode(z).mean().clamp(0, 1).toMatrix());
    }

    /** The first {@code observedDim} values of each row: x without any appended label. */
    private float[][] observed(float[][] rows) {
        if (rows.length == 0 || rows[0].length == observedDim) {
            return rows;
        }
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.copyOf(rows[i], observedDim);
        }
        return out;
    }

    private static Tensor stack(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return Tensor.of(flat, rows.length, width);
    }

    private static float[][][] chunk(float[][] images, int cols) {
        int rows = images.length / cols;
        float[][][] grid = new float[rows][][];
        for (int r = 0; r < rows; r++) {
            grid[r] = Arrays.copyOfRange(images, r * cols, (r + 1) * cols);
        }
        return grid;
    }
}
