package org.vaelab.baseline;

import java.util.SplittableRandom;

/** Synthetic data with known structure, and the small statistics the tests check it with. */
final class Synthetic {
    private Synthetic() {
    }

    /** {@code count} random orthonormal vectors of length {@code dim} (Gram-Schmidt on Gaussians). */
    static double[][] orthonormal(int count, int dim, SplittableRandom random) {
        double[][] out = new double[count][dim];
        for (int c = 0; c < count; c++) {
            for (int j = 0; j < dim; j++) {
                out[c][j] = random.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double d = dot(out[p], out[c]);
                for (int j = 0; j < dim; j++) {
                    out[c][j] -= d * out[p][j];
                }
            }
            double norm = Math.sqrt(dot(out[c], out[c]));
            for (int j = 0; j < dim; j++) {
                out[c][j] /= norm;
            }
        }
        return out;
    }

    /**
     * n rows of offset + sum_c s_c * std_c * direction_c + noiseStd * e, with s and e standard normal: the
     * covariance is sum_c std_c^2 d_c d_c^T + noiseStd^2 I.
     */
    static float[][] lowRank(int n, double[][] directions, double[] std, double noiseStd, SplittableRandom random) {
        int dim = directions[0].length;
        float[][] rows = new float[n][dim];
        for (int i = 0; i < n; i++) {
            double[] x = new double[dim];
            for (int j = 0; j < dim; j++) {
                x[j] = 3.0 + 0.1 * j + noiseStd * random.nextGaussian();
            }
            for (int c = 0; c < directions.length; c++) {
                double s = std[c] * random.nextGaussian();
                for (int j = 0; j < dim; j++) {
                    x[j] += s * directions[c][j];
                }
            }
            for (int j = 0; j < dim; j++) {
                rows[i][j] = (float) x[j];
            }
        }
        return rows;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Cosines of the principal angles between two sets of orthonormal vectors: singular values of A B^T. */
    static double[] principalCosines(double[][] a, double[][] b) {
        double[][] cross = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                cross[i][j] = dot(a[i], b[j]);
            }
        }
        double[][] squared = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                squared[i][j] = dot(cross[i], cross[j]);
            }
        }
        double[] values = SymmetricEigen.of(squared).values;
        double[] cosines = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            cosines[i] = Math.sqrt(Math.max(0, values[i]));
        }
        return cosines;
    }

    /** Pearson correlation of code column {@code c} with {@code values}. */
    static double correlation(float[][] codes, int c, double[] values) {
        int n = values.length;
        double meanCode = 0;
        double meanValue = 0;
        for (int i = 0; i < n; i++) {
            meanCode += codes[i][c];
            meanValue += values[i];
        }
        meanCode /= n;
        meanValue /= n;
        double cross = 0;
        double codeSquares = 0;
        double valueSquares = 0;
        for (int i = 0; i < n; i++) {
            double a = codes[i][c] - meanCode;
            double b = values[i] - meanValue;
            cross += a * b;
            codeSquares += a * a;
            valueSquares += b * b;
        }
        return cross / Math.sqrt(codeSquares * valueSquares);
    }

    /** Sample covariance (divisor n - 1) of the code columns. */
    static double[][] covariance(float[][] codes) {
        int n = codes.length;
        int k = codes[0].length;
        double[] mean = new double[k];
        for (float[] row : codes) {
            for (int c = 0; c < k; c++) {
                mean[c] += row[c] / (double) n;
            }
        }
        double[][] cov = new double[k][k];
        for (float[] row : codes) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / (n - 1);
                }
            }
        }
        return cov;
    }
}
