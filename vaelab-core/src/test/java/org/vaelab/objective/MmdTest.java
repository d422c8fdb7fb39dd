package org.vaelab.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class MmdTest {
    private static final double[] MATHIEU_SCALES = {0.1, 0.2, 0.5, 1, 2, 5};
    private static final double[] WAE_SCALES = {0.1, 0.2, 0.5, 1, 2, 5, 10};

    @Test
    void estimatesMatchTheKernelDefinitionsComputedByHand() {
        Random random = new Random(5);
        int n = 6;
        int d = 3;
        double[][] x = gaussian(random, n, d, 0);
        double[][] y = gaussian(random, n, d, 0.7);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor xt = tensor(x);
            Tensor yt = tensor(y);
            assertThat(Mmd.perDimensionImq().between(xt, yt).item())
                    .isCloseTo(unbiased(x, y, MmdTest::perDimensionImq), within(1e-4));
            assertThat(Mmd.imq(1.5).between(xt, yt).item())
                    .isCloseTo(unbiased(x, y, (a, b) -> imq(a, b, 1.5)), within(1e-5));
            assertThat(Mmd.rbf(0.8).between(xt, yt).item())
                    .isCloseTo(unbiased(x, y, (a, b) -> Math.exp(-squaredDistance(a, b) / (2 * d * 0.8))), within(1e-5));
        }
    }

    @Test
    void theBlockwiseEstimateEqualsTheWholeMatrixOne() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(8);
            // 300 x 300 x 40 entries: the blockwise sums run over several blocks of rows.
            Tensor x = Tensor.randn(300, 40);
            Tensor y = Tensor.randn(250, 40).mul(1.3).add(0.2);
            for (Mmd mmd : new Mmd[] {Mmd.perDimensionImq(), Mmd.imq(1.5), Mmd.rbf(0.8)}) {
                double whole = mmd.between(x, y).item();
                assertThat(mmd.betweenInBlocks(x, y)).isCloseTo(whole, within(1e-4 * Math.max(1, Math.abs(whole))));
            }
        }
    }

    @Test
    void nearZeroForOneDistributionAndClearlyPositiveForShiftedOnes() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(21);
            int n = 300;
            int d = 4;
            for (Mmd mmd : new Mmd[] {Mmd.perDimensionImq(), Mmd.imq(1), Mmd.rbf(1)}) {
                double same = mmd.between(Tensor.randn(n, d), Tensor.randn(n, d)).item();
                double shifted = mmd.between(Tensor.randn(n, d), Tensor.randn(n, d).add(1)).item();
                assertThat(shifted).as("%s shifted", mmd.kernel().getClass().getSimpleName())
                        .isGreaterThan(20 * Math.abs(same));
                assertThat(shifted).isGreaterThan(0.05);
            }
        }
    }

    @Test
    void averagesToZeroOverManySmallBatchesBecauseTheDiagonalIsLeftOut() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(22);
            int batch = 10;
            int repeats = 400;
            Mmd mmd = Mmd.perDimensionImq();
            double sum = 0;
            for (int r = 0; r < repeats; r++) {
                sum += mmd.between(Tensor.randn(batch, 3), Tensor.randn(batch, 3)).item();
            }
            // The biased (V-statistic) form would sit near 2 (k(x, x) - E k(x, x')) / batch, about +1 here.
            assertThat(sum / repeats).isCloseTo(0, within(0.05));
        }
    }

    private interface Kernel {
        double at(double[] a, double[] b);
    }

    private static double unbiased(double[][] x, double[][] y, Kernel k) {
        int n = x.length;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    xx += k.at(x[i], x[j]);
                    yy += k.at(y[i], y[j]);
                }
                xy += k.at(x[i], y[j]);
            }
        }
        return xx / (n * (n - 1.0)) + yy / (n * (n - 1.0)) - 2 * xy / ((double) n * n);
    }

    /** Mathieu et al.: sum over scales and coordinates of C / (C + (a_j - b_j)^2), C = 2 * scale. */
    private static double perDimensionImq(double[] a, double[] b) {
        double sum = 0;
        for (double scale : MATHIEU_SCALES) {
            for (int j = 0; j < a.length; j++) {
                double c = 2 * scale;
                sum += c / (c + (a[j] - b[j]) * (a[j] - b[j]));
            }
        }
        return sum;
    }

    /** Tolstikhin et al.: sum over scales of C / (C + ||a - b||^2), C = 2 * d * sigma^2 * scale. */
    private static double imq(double[] a, double[] b, double priorVariance) {
        double sum = 0;
        for (double scale : WAE_SCALES) {
            double c = 2 * a.length * priorVariance * scale;
            sum += c / (c + squaredDistance(a, b));
        }
        return sum;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return sum;
    }

    private static double[][] gaussian(Random random, int n, int d, double shift) {
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (random.nextGaussian() + shift);
            }
        }
        return out;
    }

    private static Tensor tensor(double[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                flat[i * rows[0].length + j] = (float) rows[i][j];
            }
        }
        return Tensor.of(flat, rows.length, rows[0].length);
    }
}
