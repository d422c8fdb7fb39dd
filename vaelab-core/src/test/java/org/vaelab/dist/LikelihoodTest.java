package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class LikelihoodTest {

    @Test
    void bernoulliLogProbIsTheLogOfTheProbabilityOfEachOutcome() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            float logit = 1.3f;
            double p = 1 / (1 + Math.exp(-logit));
            Bernoulli b = new Bernoulli(Tensor.of(new float[] {logit, logit}, 1, 2));
            double both = b.logProb(Tensor.of(new float[] {1, 0}, 1, 2)).item();
            assertThat(both).isCloseTo(Math.log(p) + Math.log(1 - p), within(1e-5));
            // Stable at extreme logits where sigmoid rounds to exactly 0 or 1.
            Bernoulli extreme = new Bernoulli(Tensor.of(new float[] {-200f}, 1, 1));
            assertThat(extreme.logProb(Tensor.of(new float[] {1}, 1, 1)).item()).isCloseTo(-200, within(1e-3));
        }
    }

    @Test
    void discretisedLogisticProbabilitiesOverAll256ValuesSumToOne() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            float[] values = new float[256];
            for (int k = 0; k < 256; k++) {
                values[k] = k / 255f;
            }
            Tensor x = Tensor.of(values, 256, 1);
            for (float[] meanAndLogScale : new float[][] {{0.3f, -3f}, {0.0f, -1f}, {0.98f, -5f}, {0.5f, -7f}}) {
                DiscretisedLogistic d = new DiscretisedLogistic(Tensor.full(meanAndLogScale[0], 256, 1),
                        Tensor.full(meanAndLogScale[1], 256, 1));
                double total = d.logProb(x).exp().sum().item();
                assertThat(total).as("mean %s log-scale %s", meanAndLogScale[0], meanAndLogScale[1])
                        .isCloseTo(1.0, within(2e-3));
            }
        }
    }

    @Test
    void gaussianLogProbAndEntropyMatchTheFormulas() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            DiagonalGaussian d = new DiagonalGaussian(Tensor.of(new float[] {1f}, 1, 1),
                    Tensor.of(new float[] {(float) Math.log(4)}, 1, 1));
            double expected = -0.5 * Math.log(2 * Math.PI * 4) - (2.5 - 1) * (2.5 - 1) / (2 * 4);
            assertThat(d.logProb(Tensor.of(new float[] {2.5f}, 1, 1)).item()).isCloseTo(expected, within(1e-5));
            assertThat(d.entropy().item()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 4), within(1e-5));
        }
    }

    @Test
    void reparameterisedSamplesHaveTheRightMoments() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(3);
            DiagonalGaussian d = new DiagonalGaussian(Tensor.of(new float[] {-2f}, 1, 1),
                    Tensor.of(new float[] {(float) Math.log(0.25)}, 1, 1));
            Tensor z = d.rsample(100_000);
            assertThat(z.mean().item()).isCloseTo(-2, within(0.01));
            assertThat(z.reshape(-1).variance(0).item()).isCloseTo(0.25, within(0.01));
        }
    }
}
