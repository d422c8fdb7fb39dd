package org.vaelab.baseline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Codes that are linear in the centred image, z = W (x - mean): PCA (W = principal directions, optionally scaled
 * to unit variance) and FastICA (W = unmixing matrix). Encoding skips zero pixels, so a sparse dSprites image
 * costs its nonzeros times k rather than 4096 times k; the metrics encode about three million images.
 */
public final class LinearProjection implements Representation {
    private final String name;
    private final double[] mean;
    private final double[][] weights;
    private final boolean whitened;
    private final FitReport report;
    /** weights transposed, D x k row-major, so one pixel's k weights are adjacent. */
    private final double[] weightsByPixel;
    /** W mean, subtracted once instead of centring every pixel. */
    private final double[] offset;

    /**
     * @param name     "pca" or "ica"
     * @param mean     the centre, length D
     * @param weights  k rows of length D
     * @param whitened whether the codes have unit variance on the fitting sample (recorded, not enforced)
     * @param report   how it was fitted, or null
     */
    public LinearProjection(String name, double[] mean, double[][] weights, boolean whitened, FitReport report) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a projection needs at least one row");
        }
        int dim = mean.length;
        int k = weights.length;
        this.name = name;
        this.mean = mean.clone();
        this.weights = new double[k][];
        this.whitened = whitened;
        this.report = report;
        this.weightsByPixel = new double[dim * k];
        this.offset = new double[k];
        for (int c = 0; c < k; c++) {
            if (weights[c].length != dim) {
                throw new IllegalArgumentException("weight row " + c + " has " + weights[c].length + " values, the mean "
                        + dim);
            }
            this.weights[c] = weights[c].clone();
            for (int j = 0; j < dim; j++) {
                weightsByPixel[j * k + c] = weights[c][j];
                offset[c] += weights[c][j] * mean[j];
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputDim() {
        return mean.length;
    }

    @Override
    public int dim() {
        return weights.length;
    }

    public boolean whitened() {
        return whitened;
    }

    /** The centre (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The k x D weight matrix (a copy). */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    @Override
    public float[][] encode(float[][] images) {
        int dim = mean.length;
        int k = weights.length;
        float[][] codes = new float[images.length][k];
        double[] sum = new double[k];
        for (int i = 0; i < images.length; i++) {
            float[] image = images[i];
            if (image.length != dim) {
                throw new IllegalArgumentException(name + " expects images of " + dim + " values, image " + i + " has "
                        + image.length);
            }
            for (int c = 0; c < k; c++) {
                sum[c] = -offset[c];
            }
            for (int j = 0; j < dim; j++) {
                float x = image[j];
                if (x != 0) {
                    int from = j * k;
                    for (int c = 0; c < k; c++) {
                        sum[c] += x * weightsByPixel[from + c];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                codes[i][c] = (float) sum[c];
            }
        }
        return codes;
    }

    @Override
    public Optional<FitReport> fitReport() {
        return Optional.ofNullable(report);
    }

    @Override
    public void save(Path runDir) {
        BaselineFiles.write(runDir, this);
    }
}
