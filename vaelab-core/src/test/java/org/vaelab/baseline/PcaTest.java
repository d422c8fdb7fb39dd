package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void recoversALowRankSubspaceAndItsVariancesInOrder() {
        SplittableRandom random = new SplittableRandom(1);
        int dim = 60;
        double[][] directions = Synthetic.orthonormal(4, dim, random);
        double[] std = {5, 4, 3, 2};
        double noise = 0.1;
        float[][] data = Synthetic.lowRank(20_000, directions, std, noise, random);

        LinearProjection pca = Pca.fit(TrainingSample.of(data, "low-rank"), 4, false, 7);

        double[][] components = pca.weights();
        for (double cosine : Synthetic.principalCosines(directions, components)) {
            assertThat(cosine).isGreaterThan(0.9999);
        }
        double[] variances = pca.fitReport().orElseThrow().variances();
        for (int c = 0; c < 4; c++) {
            // Distinct variances make each direction identifiable, not just the subspace.
            assertThat(Math.abs(Synthetic.dot(directions[c], components[c]))).isGreaterThan(0.999);
            double expected = std[c] * std[c] + noise * noise;
            assertThat(variances[c]).isCloseTo(expected, within(0.05 * expected));
            if (c > 0) {
                assertThat(variances[c]).isLessThan(variances[c - 1]);
            }
        }
        assertThat(pca.fitReport().orElseThrow().pcaConverged()).isTrue();
    }

    @Test
    void agreesWithAnExactEigendecompositionOfTheCovariance() {
        SplittableRandom random = new SplittableRandom(2);
        int dim = 40;
        int n = 300;
        float[][] data = correlated(n, dim, random);
        double[][] covariance = Synthetic.covariance(data);
        SymmetricEigen exact = SymmetricEigen.of(covariance);

        LinearProjection pca = Pca.fit(TrainingSample.of(data, "correlated"), 6, false, 3);

        double[] variances = pca.fitReport().orElseThrow().variances();
        double[][] components = pca.weights();
        for (int c = 0; c < 6; c++) {
            assertThat(variances[c]).isCloseTo(exact.values[c], within(1e-6 * exact.values[0]));
            assertThat(Math.abs(Synthetic.dot(exact.vectors[c], components[c]))).isGreaterThan(1 - 1e-6);
        }
    }

    @Test
    void handlesFewerImagesThanPixelsThroughTheSameIteration() {
        SplittableRandom random = new SplittableRandom(3);
        int dim = 500;
        int n = 30;
        float[][] data = correlated(n, dim, random);
        // The nonzero eigenvalues of X_c^T X_c equal those of the n x n Gram matrix X_c X_c^T.
        double[][] centred = centred(data);
        double[][] gram = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                gram[a][b] = Synthetic.dot(centred[a], centred[b]) / (n - 1);
            }
        }
        double[] exact = SymmetricEigen.of(gram).values;

        LinearProjection pca = Pca.fit(TrainingSample.of(data, "wide"), 5, false, 4);

        double[] variances = pca.fitReport().orElseThrow().variances();
        for (int c = 0; c < 5; c++) {
            assertThat(variances[c]).isCloseTo(exact[c], within(1e-6 * exact[0]));
        }
    }

    @Test
    void codesAreUncorrelatedWithTheComponentVariancesOrUnitVarianceWhenWhitened() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] data = correlated(2_000, 30, random);
        TrainingSample sample = TrainingSample.of(data, "correlated");

        LinearProjection plain = Pca.fit(sample, 5, false, 0);
        LinearProjection white = Pca.fit(sample, 5, true, 0);

        double[] variances = plain.fitReport().orElseThrow().variances();
        double[][] plainCov = Synthetic.covariance(plain.encode(data));
        double[][] whiteCov = Synthetic.covariance(white.encode(data));
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double expected = a == b ? variances[a] : 0;
                assertThat(plainCov[a][b]).isCloseTo(expected, within(1e-4 * variances[0]));
                assertThat(whiteCov[a][b]).isCloseTo(a == b ? 1 : 0, within(1e-4));
            }
        }
        assertThat(white.whitened()).isTrue();
        assertThat(plain.whitened()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameComponents() {
        float[][] data = correlated(500, 20, new SplittableRandom(6));
        LinearProjection first = Pca.fit(TrainingSample.of(data, "x"), 3, false, 9);
        LinearProjection second = Pca.fit(TrainingSample.of(data, "x"), 3, false, 9);
        assertThat(second.weights()).isDeepEqualTo(first.weights());
    }

    /** Gaussian rows with covariance L L^T for a random L, so every eigenvalue differs. */
    static float[][] correlated(int n, int dim, SplittableRandom random) {
        double[][] mixing = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                mixing[a][b] = random.nextGaussian() / (1 + b);
            }
        }
        float[][] rows = new float[n][dim];
        for (int i = 0; i < n; i++) {
            double[] z = new double[dim];
            for (int b = 0; b < dim; b++) {
                z[b] = random.nextGaussian();
            }
            for (int a = 0; a < dim; a++) {
                rows[i][a] = (float) (1 + Synthetic.dot(mixing[a], z));
            }
        }
        return rows;
    }

    private static double[][] centred(float[][] data) {
        int dim = data[0].length;
        double[] mean = new double[dim];
        for (float[] row : data) {
            for (int j = 0; j < dim; j++) {
                mean[j] += row[j] / (double) data.length;
            }
        }
        double[][] out = new double[data.length][dim];
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < dim; j++) {
                out[i][j] = data[i][j] - mean[j];
            }
        }
        return out;
    }
}
