package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** The discretised logistic mixture: a proper distribution over the 256 levels, the single logistic at K = 1. */
class DiscretisedLogisticMixtureTest {
    private static final int LEVELS = 256;

    @Test
    void probabilitiesOverAll256LevelsSumToOneForEveryValue() {
        SplittableRandom random = new SplittableRandom(7);
        int k = 4;
        int d = 300;
        // Random parameters, including means far outside [0, 1] or on its edges, log-scales far below the clamp
        // and far above one bin, and logits that put nearly all weight on one component.
        float[] logits = new float[k * d];
        float[] means = new float[k * d];
        float[] logScales = new float[k * d];
        float[] edgeMeans = {-3f, -0.2f, 0f, 1e-4f, 0.5f, 0.9999f, 1f, 1.3f, 4f};
        float[] edgeLogScales = {-12f, -7f, -6f, -4.5f, -2f, 0f, 3f, 7f};
        for (int i = 0; i < k * d; i++) {
            boolean extreme = i % 3 == 0;
            logits[i] = extreme ? (float) (random.nextDouble(-60, 60)) : (float) random.nextGaussian();
            means[i] = extreme ? edgeMeans[random.nextInt(edgeMeans.length)] : (float) random.nextDouble(-0.3, 1.3);
            logScales[i] = extreme ? edgeLogScales[random.nextInt(edgeLogScales.length)]
                    : (float) random.nextDouble(-7, 1);
        }
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            DiscretisedLogisticMixture mixture = new DiscretisedLogisticMixture(Tensor.of(logits, 1, k, d),
                    Tensor.of(means, 1, k, d), Tensor.of(logScales, 1, k, d));
            float[] total = mixture.logProbPerValue(allLevels(d)).exp().sum(0).toFloats();
            for (int i = 0; i < d; i++) {
                assertThat((double) total[i]).as("value %d: mixture of %s", i, describe(logits, means, logScales, d, i))
                        .isCloseTo(1.0, within(1e-3));
            }
        }
    }

    @Test
    void withOneComponentItIsTheDiscretisedLogistic() {
        Engine.seed(8);
        int b = 64;
        int d = 50;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor means = Tensor.uniform(-0.5, 1.5, b, d);
            Tensor logScales = Tensor.uniform(-9, 2, b, d);
            Tensor x = levels(b, d);
            DiscretisedLogistic single = new DiscretisedLogistic(means, logScales);
            // The head's layout with K = 1: [logits | means | log-scales], each a block of D.
            Tensor output = Tensor.cat(1, Tensor.randn(b, d).mul(5), means, logScales);
            DiscretisedLogisticMixture mixture = DiscretisedLogisticMixture.fromConcatenated(output, 1);
            assertThat(mixture.components()).isEqualTo(1);
            float[] expected = single.logProb(x).toFloats();
            float[] actual = mixture.logProb(x).toFloats();
            for (int i = 0; i < b; i++) {
                assertThat(actual[i]).as("example %d", i).isCloseTo(expected[i], within(1e-5f * Math.abs(expected[i])));
            }
            float[] expectedMean = single.mean().toFloats();
            float[] actualMean = mixture.mean().toFloats();
            for (int i = 0; i < expectedMean.length; i++) {
                assertThat(actualMean[i]).isCloseTo(expectedMean[i], within(1e-6f));
            }
            // Two copies of one component with any weights are that component too.
            Tensor twice = Tensor.cat(1, Tensor.randn(b, 2 * d), means, means, logScales, logScales);
            float[] doubled = DiscretisedLogisticMixture.fromConcatenated(twice, 2).logProb(x).toFloats();
            for (int i = 0; i < b; i++) {
                assertThat(doubled[i]).as("example %d", i).isCloseTo(expected[i], within(1e-4f * Math.abs(expected[i])));
            }
        }
    }

    @Test
    void meanIsTheWeightedAverageOfTheClampedComponentMeans() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            float w = (float) Math.log(3);
            // Weights 3/4 and 1/4; the second mean lies below 0 and counts as 0.
            DiscretisedLogisticMixture mixture = new DiscretisedLogisticMixture(Tensor.of(new float[] {w, 0}, 1, 2, 1),
                    Tensor.of(new float[] {0.6f, -2f}, 1, 2, 1), Tensor.of(new float[] {-3f, -3f}, 1, 2, 1));
            assertThat(mixture.mean().item()).isCloseTo(0.45, within(1e-6));
        }
    }

    @Test
    void logProbGradientsMatchFiniteDifferencesInDoublePrecision() {
        SplittableRandom random = new SplittableRandom(9);
        int k = 3;
        int d = 6;
        float[][] parameters = new float[3][k * d];
        for (int i = 0; i < k * d; i++) {
            parameters[0][i] = (float) random.nextGaussian();
            parameters[1][i] = (float) random.nextDouble(0.05, 0.95);
            parameters[2][i] = (float) random.nextDouble(-3.5, -1);
        }
        float[] x = new float[2 * d];
        for (int i = 0; i < x.length; i++) {
            // Include both end bins (0 and 255), whose probabilities are tails.
            x[i] = (i == 0 ? 0 : i == 1 ? 255 : random.nextInt(LEVELS)) / 255f;
        }
        String[] names = {"logits", "means", "log-scales"};
        try (Scope s = Scope.open()) {
            Tensor[] leaves = new Tensor[3];
            for (int p = 0; p < 3; p++) {
                leaves[p] = Tensor.of(parameters[p], 1, k, d).toDouble().requiresGrad();
            }
            Tensor value = Tensor.of(x, 2, d).toDouble();
            new DiscretisedLogisticMixture(leaves[0], leaves[1], leaves[2]).logProb(value).sum().backward();
            for (int p = 0; p < 3; p++) {
                float[] analytic = leaves[p].grad().toFloats();
                for (int i = 0; i < k * d; i++) {
                    double h = 1e-6;
                    double numeric = (logProbMoved(leaves, value, p, i, h) - logProbMoved(leaves, value, p, i, -h))
                            / (2 * h);
                    assertThat((double) analytic[i]).as("d logProb / d %s[%d]", names[p], i)
                            .isCloseTo(numeric, within(1e-4 + 1e-4 * Math.abs(numeric)));
                }
            }
            // The test can fail: the means' gradients are far from zero here.
            float[] meanGradient = leaves[1].grad().toFloats();
            double largest = 0;
            for (float v : meanGradient) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertThat(largest).isGreaterThan(1.0);
        }
    }

    @Test
    void samplesFollowTheLevelProbabilities() {
        Engine.seed(10);
        int n = 200_000;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            // One value, three components: a narrow one near the bottom edge, a wide one, one spilling over the top.
            Tensor logits = Tensor.of(new float[] {0.3f, -0.2f, 0.1f}, 1, 3, 1);
            Tensor means = Tensor.of(new float[] {0.02f, 0.45f, 0.97f}, 1, 3, 1);
            Tensor logScales = Tensor.of(new float[] {-4f, -2.2f, -3.5f}, 1, 3, 1);
            DiscretisedLogisticMixture one = new DiscretisedLogisticMixture(logits, means, logScales);
            double[] probability = new double[LEVELS];
            float[] logP = one.logProbPerValue(allLevels(1)).toFloats();
            for (int level = 0; level < LEVELS; level++) {
                probability[level] = Math.exp(logP[level]);
            }
            DiscretisedLogisticMixture many = new DiscretisedLogisticMixture(logits.expand(n, 3, 1),
                    means.expand(n, 3, 1), logScales.expand(n, 3, 1));
            float[] samples = many.sample().toFloats();
            assertThat(samples).hasSize(n);
            int[] counts = new int[LEVELS];
            for (float v : samples) {
                int level = Math.round(v * 255);
                assertThat(v).isCloseTo(level / 255f, within(1e-6f));
                counts[level]++;
            }
            double chiSquare = 0;
            int cells = 0;
            for (int level = 0; level < LEVELS; level++) {
                double expected = n * probability[level];
                double sd = Math.sqrt(expected * (1 - probability[level]));
                assertThat((double) counts[level]).as("level %d", level).isCloseTo(expected, within(5 * sd + 3));
                if (expected >= 5) {
                    chiSquare += (counts[level] - expected) * (counts[level] - expected) / expected;
                    cells++;
                }
            }
            assertThat(counts[0]).as("draws in the bottom bin").isGreaterThan(n / 20);
            assertThat(counts[255]).as("draws in the top bin (the tail beyond 1)").isGreaterThan(n / 50);
            int df = cells - 1;
            assertThat(chiSquare).as("chi-square, %d degrees of freedom", df).isLessThan(df + 6 * Math.sqrt(2.0 * df));
        }
    }

    /** [256, d]: row k holds level k / 255 in every column. */
    private static Tensor allLevels(int d) {
        float[] values = new float[LEVELS * d];
        for (int level = 0; level < LEVELS; level++) {
            for (int i = 0; i < d; i++) {
                values[level * d + i] = level / 255f;
            }
        }
        return Tensor.of(values, LEVELS, d);
    }

    /** Random levels, with the end levels 0 and 1 overrepresented. */
    private static Tensor levels(int b, int d) {
        SplittableRandom random = new SplittableRandom(11);
        float[] values = new float[b * d];
        for (int i = 0; i < values.length; i++) {
            int pick = random.nextInt(10);
            values[i] = (pick == 0 ? 0 : pick == 1 ? 255 : random.nextInt(LEVELS)) / 255f;
        }
        return Tensor.of(values, b, d);
    }

    private static double logProbMoved(Tensor[] leaves, Tensor value, int which, int index, double delta) {
        try (NoGrad g = NoGrad.open()) {
            Tensor[] moved = leaves.clone();
            float[] unit = new float[(int) leaves[which].numel()];
            unit[index] = 1;
            moved[which] = leaves[which].add(Tensor.of(unit, leaves[which].shape()).toDouble().mul(delta));
            return new DiscretisedLogisticMixture(moved[0], moved[1], moved[2]).logProb(value).sum().item();
        }
    }

    private static String describe(float[] logits, float[] means, float[] logScales, int d, int value) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < logits.length / d; j++) {
            int i = j * d + value;
            out.append(String.format("[w %.2f mu %.4f log s %.2f]", logits[i], means[i], logScales[i]));
        }
        return out.toString();
    }
}
