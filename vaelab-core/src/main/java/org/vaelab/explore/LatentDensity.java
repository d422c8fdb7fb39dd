package org.vaelab.explore;

import java.util.SplittableRandom;
import org.vaelab.data.Dataset;
import org.vaelab.dist.Distribution;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Pictures of the latent space as plain arrays: densities on a square grid over [-range, range]^2 (row 0 at the
 * top, y = +range), each scaled so its largest cell is 1, and codes for scatter plots.
 */
public final class LatentDensity {
    private static final int BATCH = 500;

    private final VariationalAutoencoder model;
    private final Dataset data;
    private final long seed;

    public LatentDensity(VariationalAutoencoder model, Dataset data, long seed) {
        this.model = model;
        this.data = data;
        this.seed = seed;
    }

    /** Histogram of z ~ q(z|x) over {@code samples} random examples, dimensions a and b. */
    public float[] aggregatePosterior(int a, int b, int bins, double range, int samples) {
        float[] grid = new float[bins * bins];
        for (float[] z : codes(samples, true)) {
            int col = cell(z[a], bins, range);
            int row = bins - 1 - cell(z[b], bins, range);
            if (col >= 0 && row >= 0 && row < bins) {
                grid[row * bins + col] += 1;
            }
        }
        return normalised(grid);
    }

    /** p(z) at the centre of every cell, for a 2-d prior. */
    public float[] prior(int bins, double range) {
        float[] points = new float[bins * bins * 2];
        for (int row = 0; row < bins; row++) {
            for (int col = 0; col < bins; col++) {
                int k = row * bins + col;
                points[2 * k] = (float) centre(col, bins, range);
                points[2 * k + 1] = (float) centre(bins - 1 - row, bins, range);
            }
        }
        try (NoGrad ignored = NoGrad.open(); Scope scope = Scope.open()) {
            return normalised(model.prior().logProb(Tensor.of(points, (long) bins * bins, 2)).exp().toFloats());
        }
    }

    /** Posterior means (or samples) of {@code count} random examples. */
    public float[][] codes(int count, boolean sampled) {
        int n = Math.min(count, data.size());
        int[] picked = new SplittableRandom(seed).ints(0, data.size()).distinct().limit(n).toArray();
        float[][] out = new float[n][];
        float[] buffer = new float[BATCH * data.dim()];
        SplittableRandom noise = new SplittableRandom(seed);
        try (NoGrad ignored = NoGrad.open()) {
            Engine.seed(seed);
            for (int start = 0; start < n; start += BATCH) {
                int m = Math.min(BATCH, n - start);
                int[] batch = java.util.Arrays.copyOfRange(picked, start, start + m);
                try (Scope scope = Scope.open()) {
                    data.fill(batch, buffer, noise);
                    Distribution q = model.encoder().encode(Tensor.ofPrefix(buffer, m * data.dim(), m, data.dim()));
                    float[][] z = (sampled && model.stochastic() ? q.sample() : q.mean()).toMatrix();
                    System.arraycopy(z, 0, out, start, m);
                }
            }
        }
        return out;
    }

    private static int cell(float value, int bins, double range) {
        int c = (int) Math.floor((value + range) / (2 * range) * bins);
        return c >= 0 && c < bins ? c : -1;
    }

    private static double centre(int cell, int bins, double range) {
        return -range + (cell + 0.5) * 2 * range / bins;
    }

    private static float[] normalised(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= max;
            }
        }
        return values;
    }
}
