package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;

class PcaVariancesTest {

    @Test
    void findsTheVariancesOfARotatedGaussianCloud() {
        // Variances 9, 4, 1, 0.25 along a rotated orthonormal basis of R^4, plus an offset PCA must remove.
        double[] variances = {9, 4, 1, 0.25};
        float[][] data = rotatedCloud(20_000, variances, 4, new Random(1));
        double[] top = PcaVariances.top(data, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(top[i]).isCloseTo(variances[i], within(0.04 * variances[i]));
        }
    }

    @Test
    void subspaceIterationAgreesWithTheExactSolver() {
        // A slowly decaying spectrum in a random rotation, the regime of images.
        int dim = 150;
        double[] variances = new double[dim];
        for (int i = 0; i < dim; i++) {
            variances[i] = 10 * Math.pow(0.8, i) + 0.01;
        }
        float[][] data = rotatedCloud(400, variances, dim, new Random(2));
        double[] exact = PcaVariances.exact(data, 5);
        double[] iterated = PcaVariances.subspaceIteration(data, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(iterated[i]).isCloseTo(exact[i], within(1e-4 * exact[0]));
        }
    }

    @Test
    void jacobiSolverFindsKnownEigenvalues() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1; a diagonal matrix keeps its own.
        assertThat(PcaVariances.symmetricEigenvalues(new double[][] {{2, 1}, {1, 2}}))
                .containsExactly(new double[] {3, 1}, within(1e-12));
        assertThat(PcaVariances.symmetricEigenvalues(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 2}}))
                .containsExactly(new double[] {5, 2, 1}, within(1e-12));
    }

    @Test
    void wideImagesGoThroughTheThinBlockIteration() {
        // 64x64 images: two planted patterns plus pixel noise, never forming the 4096 x 4096 covariance.
        float[][] data = new float[600][4096];
        Random random = new Random(3);
        for (float[] row : data) {
            double a = random.nextGaussian() * 3;
            double b = random.nextGaussian();
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (a * Math.sin(j * 0.01) + b * Math.cos(j * 0.03) + 0.1 * random.nextGaussian());
            }
        }
        double[] top = PcaVariances.top(data, 10);
        for (int i = 0; i + 1 < top.length; i++) {
            assertThat(top[i]).isGreaterThanOrEqualTo(top[i + 1]);
        }
        // Beyond the two planted directions only noise of variance 0.01 is left; with D / n = 6.8 its sample
        // eigenvalues spread up to the Marchenko-Pastur edge 0.01 (1 + sqrt(6.8))^2 = 0.13.
        assertThat(top[1]).isGreaterThan(100);
        assertThat(top[2]).isLessThan(0.15);
        assertThat(top[9]).isGreaterThan(0.05);
    }

    @Test
    void rejectsDataWithFewerDimensionsThanLatents() {
        assertThatThrownBy(() -> PcaVariances.top(new float[10][3], 5)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--latent").hasMessageContaining("3");
    }

    /** n points with the given variances along the axes of a random orthonormal basis, offset by 5. */
    private static float[][] rotatedCloud(int n, double[] variances, int dim, Random random) {
        double[][] basis = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                basis[i][j] = random.nextGaussian();
            }
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += basis[i][j] * basis[k][j];
                }
                for (int j = 0; j < dim; j++) {
                    basis[i][j] -= dot * basis[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                norm += basis[i][j] * basis[i][j];
            }
            for (int j = 0; j < dim; j++) {
                basis[i][j] /= Math.sqrt(norm);
            }
        }
        float[][] data = new float[n][dim];
        for (float[] row : data) {
            for (int i = 0; i < dim; i++) {
                double coefficient = Math.sqrt(variances[i]) * random.nextGaussian();
                for (int j = 0; j < dim; j++) {
                    row[j] += (float) (coefficient * basis[i][j]);
                }
            }
            for (int j = 0; j < dim; j++) {
                row[j] += 5;
            }
        }
        return data;
    }
}
