package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** Each prior's sampler draws from its own density: moments, or bin masses against the integrated density. */
class StructuredPriorSamplingTest {
    private static final int SAMPLES = 100_000;

    @Test
    void gammaSamplesHaveMeanAndVarianceEqualToTheShape() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(1);
            // 0.3 exercises the boost for shapes below 1.
            for (double shape : new double[] {0.3, 1, 4.5}) {
                Tensor draws = GammaSampler.standardGamma(shape, SAMPLES);
                assertThat(draws.mean().item()).as("mean, shape %s", shape).isCloseTo(shape, within(0.03 * shape + 0.01));
                assertThat(draws.variance(0).item()).as("variance, shape %s", shape)
                        .isCloseTo(shape, within(0.06 * shape + 0.01));
            }
        }
    }

    @Test
    void anisotropicGaussianSamplesHaveItsVariances() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(2);
            AnisotropicGaussianPrior prior = AnisotropicGaussianPrior.fixed(new double[] {3, 2, 1}, 0.5);
            // s * d * v / sum(v) = 0.5 * 3 * {3, 2, 1} / 6.
            float[] variances = prior.variance().toFloats();
            assertThat(variances).containsExactly(new float[] {0.75f, 0.5f, 0.25f}, within(1e-6f));
            float[] sampled = prior.sample(SAMPLES).variance(0).toFloats();
            for (int j = 0; j < 3; j++) {
                assertThat(sampled[j]).isCloseTo(variances[j], within(0.02f * variances[j]));
            }
            assertThat(AnisotropicGaussianPrior.isotropic(4, 0.03).variance().toFloats())
                    .containsOnly(new float[] {0.03f}, within(1e-7f));
        }
    }

    @Test
    void studentTSamplesFollowItsDensity() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(3);
            // df 1.5 draws Gamma(0.75), below 1; df 9 Gamma(4.5).
            for (double df : new double[] {1.5, 9}) {
                StudentTPrior prior = new StudentTPrior(2, df);
                assertBinsMatchDensity(prior.sample(SAMPLES / 2).toFloats(), prior::logProbPerDim, 2,
                        new double[] {-4, -2, -1, -0.5, 0, 0.5, 1, 2, 4});
            }
            StudentTPrior five = new StudentTPrior(1, 5, 2);
            // Variance scale^2 df / (df - 2).
            assertThat(five.sample(SAMPLES).variance(0).item()).isCloseTo(4 * 5.0 / 3, within(0.3));
        }
    }

    @Test
    void spikeAndSlabSamplesFollowItsDensity() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(4);
            SpikeAndSlabPrior prior = new SpikeAndSlabPrior(2, 0.8);
            assertBinsMatchDensity(prior.sample(SAMPLES / 2).toFloats(), prior::logProbPerDim, 2,
                    new double[] {-3, -1, -0.1, -0.05, 0, 0.05, 0.1, 1, 3});
        }
    }

    @Test
    void mixtureSamplesSpreadEvenlyOverTheComponents() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(5);
            float[][] means = MixtureOfGaussiansPrior.compassMeans();
            MixtureOfGaussiansPrior prior = MixtureOfGaussiansPrior.fixed(means, 0.03);
            float[] z = prior.sample(SAMPLES).toFloats();
            int[] nearest = new int[means.length];
            double[] sum = new double[2];
            double[] sumSquares = new double[2];
            for (int i = 0; i < SAMPLES; i++) {
                double x = z[2 * i];
                double y = z[2 * i + 1];
                sum[0] += x;
                sum[1] += y;
                sumSquares[0] += x * x;
                sumSquares[1] += y * y;
                int best = 0;
                for (int k = 1; k < means.length; k++) {
                    if (distance(means[k], x, y) < distance(means[best], x, y)) {
                        best = k;
                    }
                }
                nearest[best]++;
            }
            for (int count : nearest) {
                assertThat(count / (double) SAMPLES).isCloseTo(0.25, within(0.01));
            }
            // Each coordinate: mean 0, variance 0.03 + the spread of the means, 0.5.
            for (int j = 0; j < 2; j++) {
                assertThat(sum[j] / SAMPLES).isCloseTo(0, within(0.01));
                assertThat(sumSquares[j] / SAMPLES).isCloseTo(0.53, within(0.01));
            }
        }
    }

    private static double distance(float[] mean, double x, double y) {
        return (mean[0] - x) * (mean[0] - x) + (mean[1] - y) * (mean[1] - y);
    }

    /**
     * The share of samples (pooled over identically distributed dimensions) in each bin between consecutive edges,
     * and beyond the outer edges, against the density's mass there, within five binomial standard errors.
     */
    static void assertBinsMatchDensity(float[] samples, UnaryOperator<Tensor> logProbPerDim, int dim, double[] edges) {
        double[] bounds = new double[edges.length + 2];
        bounds[0] = -300;
        System.arraycopy(edges, 0, bounds, 1, edges.length);
        bounds[bounds.length - 1] = 300;
        for (int b = 0; b + 1 < bounds.length; b++) {
            double low = bounds[b];
            double high = bounds[b + 1];
            double expected = StructuredPriorDensityTest.perDimensionMass(logProbPerDim, dim, low, high,
                    Math.min((high - low) / 20_000, 0.005))[0];
            long inside = 0;
            for (float v : samples) {
                if (v >= low && v < high) {
                    inside++;
                }
            }
            double observed = inside / (double) samples.length;
            double error = Math.sqrt(expected * (1 - expected) / samples.length);
            assertThat(observed).as("mass of [%s, %s)", low, high).isCloseTo(expected, within(5 * error + 1e-3));
        }
    }
}
