package org.vaelab.dist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.vaelab.UserInputException;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * The largest variances of a data set along its principal axes: the top eigenvalues of the sample covariance
 * (centred, divided by n - 1), in decreasing order. They set the anisotropic prior's relative variances for
 * --prior-variance pca. Small data (D <= 256) gets the exact covariance and a Jacobi eigensolver; wide data such as
 * 64x64 images gets randomized subspace iteration (Halko, Martinsson and Tropp 2011), which only multiplies the
 * centred data by thin D x k blocks in the engine's BLAS, O(n D k) per pass instead of forming the D x D
 * covariance: about 0.3 s a pass and 10 to 15 passes for n = 10,000, D = 4096 on one thread. It stops when no
 * value moves by more than 1e-4 of itself, far finer than a prior's variances need.
 */
public final class PcaVariances {
    static final int EXACT_MAX_DIM = 256;
    /**
     * The block holds 2 * count + 10 directions: the error of the i-th value shrinks like
     * (lambda_{width+1} / lambda_i)^(2 * iterations), and image spectra decay slowly.
     */
    private static final int OVERSAMPLING = 10;
    private static final int MAX_ITERATIONS = 200;
    private static final double RELATIVE_TOLERANCE = 1e-4;
    private static final int CHUNK_ROWS = 1024;
    /** Fixed so the prior a config describes is reproducible. */
    private static final long SEED = 20190601L;

    private PcaVariances() {
    }

    /** The {@code count} largest principal variances of {@code data} (n rows of D values), largest first. */
    public static double[] top(float[][] data, int count) {
        int dim = check(data, count);
        return dim <= EXACT_MAX_DIM ? exact(data, count) : subspaceIteration(data, count);
    }

    static double[] exact(float[][] data, int count) {
        int dim = data[0].length;
        double[] mean = columnMeans(data);
        double[][] covariance = new double[dim][dim];
        double[] centred = new double[dim];
        for (float[] row : data) {
            for (int j = 0; j < dim; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int i = 0; i < dim; i++) {
                double ci = centred[i];
                for (int j = i; j < dim; j++) {
                    covariance[i][j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                covariance[i][j] /= data.length - 1;
                covariance[j][i] = covariance[i][j];
            }
        }
        return Arrays.copyOf(symmetricEigenvalues(covariance), count);
    }

    static double[] subspaceIteration(float[][] data, int count) {
        int dim = data[0].length;
        int width = Math.min(dim, 2 * count + OVERSAMPLING);
        Random random = new Random(SEED);
        double[] basis = new double[dim * width];
        for (int i = 0; i < basis.length; i++) {
            basis[i] = random.nextGaussian();
        }
        orthonormaliseColumns(basis, dim, width, random);
        double[] previous = null;
        try (Scope outer = Scope.open(); NoGrad noGrad = NoGrad.open()) {
            List<Tensor> chunks = centredChunks(data, columnMeans(data));
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double[] image;
                try (Scope inner = Scope.open()) {
                    image = covarianceTimes(chunks, basis, dim, width, data.length);
                }
                double[] ritz = Arrays.copyOf(symmetricEigenvalues(projected(basis, image, dim, width)), count);
                if (previous != null && converged(previous, ritz)) {
                    return ritz;
                }
                previous = ritz;
                basis = image;
                orthonormaliseColumns(basis, dim, width, random);
            }
        }
        return previous;
    }

    /** The data minus its mean as engine tensors of a few rows each, uploaded once for every pass. */
    private static List<Tensor> centredChunks(float[][] data, double[] mean) {
        int dim = mean.length;
        List<Tensor> chunks = new ArrayList<>();
        for (int start = 0; start < data.length; start += CHUNK_ROWS) {
            int rows = Math.min(CHUNK_ROWS, data.length - start);
            float[] flat = new float[rows * dim];
            for (int r = 0; r < rows; r++) {
                float[] row = data[start + r];
                for (int j = 0; j < dim; j++) {
                    flat[r * dim + j] = (float) (row[j] - mean[j]);
                }
            }
            chunks.add(Tensor.of(flat, rows, dim));
        }
        return chunks;
    }

    /**
     * C Q = X^T (X Q) / (n - 1) for the centred data X and Q = {@code basis} (D x width, row-major): two thin
     * matrix products per chunk, in the engine's BLAS, which is many times faster than Java loops here.
     */
    private static double[] covarianceTimes(List<Tensor> chunks, double[] basis, int dim, int width, int n) {
        float[] basisFloats = new float[basis.length];
        for (int i = 0; i < basis.length; i++) {
            basisFloats[i] = (float) basis[i];
        }
        Tensor q = Tensor.of(basisFloats, dim, width);
        Tensor sum = null;
        for (Tensor chunk : chunks) {
            Tensor part = chunk.transpose(0, 1).matmul(chunk.matmul(q));
            sum = sum == null ? part : sum.add(part);
        }
        float[] image = sum.toFloats();
        double[] out = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = image[i] / (double) (n - 1);
        }
        return out;
    }

    /** Q^T (C Q): the covariance restricted to the subspace, whose eigenvalues are the Ritz values. */
    private static double[][] projected(double[] basis, double[] image, int dim, int width) {
        double[][] small = new double[width][width];
        for (int d = 0; d < dim; d++) {
            int offset = d * width;
            for (int i = 0; i < width; i++) {
                double q = basis[offset + i];
                for (int j = 0; j < width; j++) {
                    small[i][j] += q * image[offset + j];
                }
            }
        }
        // Symmetrise away rounding so the Jacobi solver sees an exactly symmetric matrix.
        for (int i = 0; i < width; i++) {
            for (int j = i + 1; j < width; j++) {
                double average = 0.5 * (small[i][j] + small[j][i]);
                small[i][j] = average;
                small[j][i] = average;
            }
        }
        return small;
    }

    /**
     * Modified Gram-Schmidt, twice for stability. A column that vanishes (the data has fewer directions than the
     * block) is replaced by a fresh random one, so the block stays a basis and its extra Ritz values are 0.
     */
    private static void orthonormaliseColumns(double[] columns, int rows, int width, Random random) {
        for (int j = 0; j < width; j++) {
            double before = columnNorm(columns, rows, width, j);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double dot = 0;
                    for (int r = 0; r < rows; r++) {
                        dot += columns[r * width + i] * columns[r * width + j];
                    }
                    for (int r = 0; r < rows; r++) {
                        columns[r * width + j] -= dot * columns[r * width + i];
                    }
                }
            }
            double after = columnNorm(columns, rows, width, j);
            if (!(after > 1e-10 * before) || after == 0) {
                for (int r = 0; r < rows; r++) {
                    columns[r * width + j] = random.nextGaussian();
                }
                j--;
                continue;
            }
            for (int r = 0; r < rows; r++) {
                columns[r * width + j] /= after;
            }
        }
    }

    private static double columnNorm(double[] columns, int rows, int width, int j) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += columns[r * width + j] * columns[r * width + j];
        }
        return Math.sqrt(sum);
    }

    /**
     * Eigenvalues of a symmetric matrix, largest first, by cyclic Jacobi rotations (each zeroes one off-diagonal
     * pair; the off-diagonal mass shrinks quadratically once small). Overwrites {@code a}.
     */
    static double[] symmetricEigenvalues(double[][] a) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int p = 0; p < n; p++) {
                diagonal += a[p][p] * a[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * diagonal || off == 0) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.abs(theta) > 1e150 ? 0.5 / theta
                            : Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < n; r++) {
                        if (r == p || r == q) {
                            continue;
                        }
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = c * arp - s * arq;
                        a[p][r] = a[r][p];
                        a[r][q] = s * arp + c * arq;
                        a[q][r] = a[r][q];
                    }
                    a[p][p] -= t * apq;
                    a[q][q] += t * apq;
                    a[p][q] = 0;
                    a[q][p] = 0;
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        Arrays.sort(values);
        for (int i = 0; i < n / 2; i++) {
            double swap = values[i];
            values[i] = values[n - 1 - i];
            values[n - 1 - i] = swap;
        }
        return values;
    }

    private static boolean converged(double[] previous, double[] current) {
        for (int i = 0; i < current.length; i++) {
            // Relative to each value, floored so values that are zero up to rounding do not hold it up.
            double size = Math.max(Math.abs(current[i]), 1e-9 * Math.abs(current[0]));
            if (Math.abs(current[i] - previous[i]) > RELATIVE_TOLERANCE * size) {
                return false;
            }
        }
        return true;
    }

    private static double[] columnMeans(float[][] data) {
        double[] mean = new double[data[0].length];
        for (float[] row : data) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= data.length;
        }
        return mean;
    }

    /** Returns D after rejecting data PCA cannot give {@code count} variances for. */
    private static int check(float[][] data, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one principal variance, asked for " + count);
        }
        if (data.length < 2) {
            throw new UserInputException("--prior-variance pca needs at least 2 examples, got " + data.length);
        }
        int dim = data[0].length;
        for (float[] row : data) {
            if (row.length != dim) {
                throw new IllegalArgumentException("data rows differ in length: " + dim + " and " + row.length);
            }
        }
        if (dim < count) {
            throw new UserInputException("--prior-variance pca needs data with at least as many dimensions as"
                    + " latents: the data has " + dim + ", --latent is " + count);
        }
        return dim;
    }
}
