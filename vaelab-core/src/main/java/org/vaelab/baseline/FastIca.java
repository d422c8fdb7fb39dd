package org.vaelab.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * FastICA (Hyvarinen 1999) with sklearn's FastICA defaults: whitening by PCA to k dimensions, the parallel
 * (symmetric decorrelation) fixed-point iteration with the logcosh contrast (alpha = 1), at most 200 iterations,
 * tolerance 1e-4 on max_i ||w_i . w_i'| - 1|, a Gaussian random start, and unit-variance sources (sklearn >= 1.3,
 * whiten="unit-variance"). Codes are the unmixed sources of the centred image. The start is drawn from
 * {@link SplittableRandom}, not numpy, so runs match sklearn in distribution, not draw for draw.
 */
public final class FastIca {
    public static final String NAME = "ica";
    public static final int MAX_ITERATIONS = 200;
    public static final double TOLERANCE = 1e-4;
    static final String METHOD = "FastICA, parallel, logcosh (alpha 1), PCA whitening, unit-variance sources";

    private FastIca() {
    }

    /** Fits k independent components on {@code sample}; {@code seed} sets the random starts. */
    public static LinearProjection fit(TrainingSample sample, int k, long seed) {
        long start = System.nanoTime();
        CentredRows rows = CentredRows.of(sample.images());
        PrincipalComponents pcs = Pca.components(rows, k, seed);
        Pca.requireFullRank(pcs);
        int n = sample.size();
        int dim = sample.dim();

        // Whitening matrix K = diag(1 / sqrt(population variance)) V^T: as sklearn, whitened data has unit
        // variance with divisor n.
        double[][] whitening = new double[k][dim];
        for (int c = 0; c < k; c++) {
            double scale = 1 / Math.sqrt(pcs.variances()[c] * (n - 1) / n);
            for (int j = 0; j < dim; j++) {
                whitening[c][j] = pcs.components()[c][j] * scale;
            }
        }
        double[][] whitened = whiten(rows, whitening);

        double[][] unmixing = randomStart(k, new SplittableRandom(~seed));
        unmixing = symmetricDecorrelation(unmixing);
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (iterations < MAX_ITERATIONS && !(change < TOLERANCE)) {
            iterations++;
            double[][] next = symmetricDecorrelation(fixedPointStep(unmixing, whitened));
            change = largestChange(next, unmixing);
            unmixing = next;
        }
        boolean converged = change < TOLERANCE;

        double[] sourceStd = sourceStd(unmixing, whitened);
        double[][] weights = new double[k][dim];
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < k; a++) {
                double w = unmixing[c][a] / sourceStd[c];
                for (int j = 0; j < dim; j++) {
                    weights[c][j] += w * whitening[a][j];
                }
            }
            SubspaceIteration.fixSign(weights[c]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        FitReport report = new FitReport(sample.dataset(), sample.provenance(), n, seed, METHOD, pcs.variances(),
                pcs.iterations(), pcs.converged(), iterations, converged, change, seconds);
        return new LinearProjection(NAME, pcs.mean(), weights, true, report);
    }

    /** K (x_i - mean) for every sample, as k rows of n values. */
    private static double[][] whiten(CentredRows rows, double[][] whitening) {
        int k = whitening.length;
        int dim = rows.dim();
        double[] byPixel = new double[dim * k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                byPixel[j * k + c] = whitening[c][j];
            }
        }
        double[] projected = rows.times(byPixel, k);
        double[][] out = new double[k][rows.rows()];
        for (int i = 0; i < rows.rows(); i++) {
            for (int c = 0; c < k; c++) {
                out[c][i] = projected[i * k + c];
            }
        }
        return out;
    }

    private static double[][] randomStart(int k, SplittableRandom random) {
        double[][] w = new double[k][k];
        for (double[] row : w) {
            for (int a = 0; a < k; a++) {
                row[a] = random.nextGaussian();
            }
        }
        return w;
    }

    /** One parallel fixed-point update: w_c <- E[x g(w_c . x)] - E[g'(w_c . x)] w_c, with g = tanh. */
    private static double[][] fixedPointStep(double[][] w, double[][] x) {
        int k = w.length;
        int n = x[0].length;
        double[][] next = new double[k][k];
        double[] projection = new double[n];
        for (int c = 0; c < k; c++) {
            Arrays.fill(projection, 0);
            for (int a = 0; a < k; a++) {
                double wca = w[c][a];
                double[] xa = x[a];
                for (int i = 0; i < n; i++) {
                    projection[i] += wca * xa[i];
                }
            }
            double meanDerivative = 0;
            for (int i = 0; i < n; i++) {
                double g = Math.tanh(projection[i]);
                projection[i] = g;
                meanDerivative += 1 - g * g;
            }
            meanDerivative /= n;
            for (int a = 0; a < k; a++) {
                double sum = 0;
                double[] xa = x[a];
                for (int i = 0; i < n; i++) {
                    sum += projection[i] * xa[i];
                }
                next[c][a] = sum / n - meanDerivative * w[c][a];
            }
        }
        return next;
    }

    /** (W W^T)^(-1/2) W: the nearest matrix with orthonormal rows, treating every row alike. */
    static double[][] symmetricDecorrelation(double[][] w) {
        int k = w.length;
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += w[a][c] * w[b][c];
                }
                gram[a][b] = sum;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        double[][] inverseRoot = new double[k][k];
        for (int e = 0; e < k; e++) {
            double scale = 1 / Math.sqrt(Math.max(eigen.values[e], Double.MIN_NORMAL));
            double[] u = eigen.vectors[e];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    inverseRoot[a][b] += u[a] * scale * u[b];
                }
            }
        }
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += inverseRoot[a][c] * w[c][b];
                }
                out[a][b] = sum;
            }
        }
        return out;
    }

    /** max_c ||w_c . w'_c| - 1|, sklearn's convergence measure. */
    private static double largestChange(double[][] next, double[][] previous) {
        double largest = 0;
        for (int c = 0; c < next.length; c++) {
            double dot = 0;
            for (int a = 0; a < next.length; a++) {
                dot += next[c][a] * previous[c][a];
            }
            largest = Math.max(largest, Math.abs(Math.abs(dot) - 1));
        }
        return largest;
    }

    /** Population std of each source W x over the sample; about 1 already, divided out as sklearn does. */
    private static double[] sourceStd(double[][] w, double[][] x) {
        int k = w.length;
        int n = x[0].length;
        double[] std = new double[k];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int a = 0; a < k; a++) {
                    s += w[c][a] * x[a][i];
                }
                sum += s;
                sumSquares += s * s;
            }
            double mean = sum / n;
            std[c] = Math.sqrt(Math.max(sumSquares / n - mean * mean, Double.MIN_NORMAL));
        }
        return std;
    }
}
