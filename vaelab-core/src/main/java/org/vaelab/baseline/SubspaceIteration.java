package org.vaelab.baseline;

import java.util.SplittableRandom;

/**
 * The top-k principal components of a sample by block power (subspace) iteration with Rayleigh-Ritz on the
 * covariance C = X_c^T X_c / (n - 1), applied as X_c^T (X_c Q) so the D x D matrix (16.8 M entries for 64 x 64
 * images) is never formed. The block carries extra directions beyond k because a Ritz vector i converges like
 * (lambda_{m+1} / lambda_i)^iterations for block size m, so oversampling is what makes the k-th one converge
 * when the spectrum decays slowly, as it does for images.
 */
final class SubspaceIteration {
    static final int MAX_ITERATIONS = 1000;
    /** Residuals are measured relative to the top variance; 1e-6 leaves the directions accurate to ~1e-6 / gap. */
    static final double TOLERANCE = 1e-6;
    private static final int MIN_OVERSAMPLING = 10;

    private SubspaceIteration() {
    }

    static PrincipalComponents top(CentredRows data, int k, long seed) {
        int dim = data.dim();
        if (k < 1 || k > dim) {
            throw new IllegalArgumentException("k must be in [1, " + dim + "], got " + k);
        }
        int m = Math.min(dim, k + Math.max(MIN_OVERSAMPLING, k));
        double scale = 1.0 / Math.max(1, data.rows() - 1);
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = new double[dim * m];
        for (int e = 0; e < q.length; e++) {
            q[e] = random.nextGaussian();
        }
        orthonormalise(q, dim, m, random);

        double[] ritzVectors = null;
        double[] values = null;
        double residual = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[] cq = data.transposeTimes(data.times(q, m), m);
            for (int e = 0; e < cq.length; e++) {
                cq[e] *= scale;
            }
            SymmetricEigen ritz = SymmetricEigen.of(gram(q, cq, dim, m));
            values = ritz.values;
            ritzVectors = rotate(q, ritz.vectors, dim, m);
            double[] cRitz = rotate(cq, ritz.vectors, dim, m);
            residual = largestResidual(ritzVectors, cRitz, values, dim, m, k);
            if (residual <= TOLERANCE) {
                break;
            }
            q = cRitz;
            orthonormalise(q, dim, m, random);
        }

        double[][] components = new double[k][dim];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                components[c][j] = ritzVectors[j * m + c];
            }
            fixSign(components[c]);
            // Rounding can leave a null direction's Ritz value a hair below zero.
            variances[c] = Math.max(0, values[c]);
        }
        return new PrincipalComponents(data.mean(), components, variances, iteration, residual <= TOLERANCE,
                residual);
    }

    /** Q^T Y for two D x m row-major blocks. */
    private static double[][] gram(double[] q, double[] y, int dim, int m) {
        double[][] out = new double[m][m];
        for (int j = 0; j < dim; j++) {
            int row = j * m;
            for (int a = 0; a < m; a++) {
                double qa = q[row + a];
                for (int b = 0; b < m; b++) {
                    out[a][b] += qa * y[row + b];
                }
            }
        }
        return out;
    }

    /** Block times the eigenvectors: column c of the result is sum_a block[:, a] * vectors[c][a]. */
    private static double[] rotate(double[] block, double[][] vectors, int dim, int m) {
        double[] out = new double[dim * m];
        for (int j = 0; j < dim; j++) {
            int row = j * m;
            for (int c = 0; c < m; c++) {
                double sum = 0;
                for (int a = 0; a < m; a++) {
                    sum += block[row + a] * vectors[c][a];
                }
                out[row + c] = sum;
            }
        }
        return out;
    }

    private static double largestResidual(double[] v, double[] cv, double[] values, int dim, int m, int k) {
        double top = Math.abs(values[0]);
        if (top == 0) {
            return 0;
        }
        double largest = 0;
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                double r = cv[j * m + c] - values[c] * v[j * m + c];
                sum += r * r;
            }
            largest = Math.max(largest, Math.sqrt(sum) / top);
        }
        return largest;
    }

    /**
     * Modified Gram-Schmidt, twice per column for orthogonality to rounding. A column that vanishes (the data has
     * fewer directions than the block) is replaced by a random one, which then lies in the null space.
     */
    static void orthonormalise(double[] block, int dim, int m, SplittableRandom random) {
        for (int c = 0; c < m; c++) {
            double before = norm(block, dim, m, c);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int j = 0; j < dim; j++) {
                        dot += block[j * m + p] * block[j * m + c];
                    }
                    for (int j = 0; j < dim; j++) {
                        block[j * m + c] -= dot * block[j * m + p];
                    }
                }
            }
            double after = norm(block, dim, m, c);
            if (!(after > 1e-10 * before) || after == 0) {
                for (int j = 0; j < dim; j++) {
                    block[j * m + c] = random.nextGaussian();
                }
                c--;
                continue;
            }
            for (int j = 0; j < dim; j++) {
                block[j * m + c] /= after;
            }
        }
    }

    private static double norm(double[] block, int dim, int m, int c) {
        double sum = 0;
        for (int j = 0; j < dim; j++) {
            sum += block[j * m + c] * block[j * m + c];
        }
        return Math.sqrt(sum);
    }

    /** Makes the largest-magnitude entry positive (the first such on ties). */
    static void fixSign(double[] vector) {
        int largest = 0;
        for (int j = 1; j < vector.length; j++) {
            if (Math.abs(vector[j]) > Math.abs(vector[largest])) {
                largest = j;
            }
        }
        if (vector[largest] < 0) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] = -vector[j];
            }
        }
    }
}
