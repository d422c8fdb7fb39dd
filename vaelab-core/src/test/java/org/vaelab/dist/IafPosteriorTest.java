package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class IafPosteriorTest {

    @Test
    void logProbCarriedWithASampleEqualsTheExactInverse() {
        Engine.seed(31);
        IafPosterior.Flow flow = new IafPosterior.Flow(new ParameterSet(), "iaf", 6, 3, new int[] {24, 24}, 4);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            IafPosterior q = flow.fromNetworkOutput(Tensor.randn(5, flow.networkOutputs()));
            IafPosterior.Draw draw = q.draw(3);
            assertThat(draw.z().shape()).containsExactly(3, 5, 6);
            assertThat(draw.logProb().shape()).containsExactly(3, 5);
            assertThat(q.logProb(draw.z())).isSameAs(draw.logProb());
            // A new tensor object with the same values is not remembered, so it goes through the inversion.
            float[] inverted = q.logProb(draw.z().add(0.0)).toFloats();
            assertThat(inverted).containsExactly(draw.logProb().toFloats(), within(2e-3f));
            Tensor mean = q.mean();
            assertThat(q.logProbByInversion(mean.add(0.0)).toFloats())
                    .containsExactly(q.logProb(mean).toFloats(), within(2e-3f));
        }
    }

    @Test
    void rememberedLogProbCarriesGradientsToTheEncoderOutput() {
        Engine.seed(32);
        IafPosterior.Flow flow = new IafPosterior.Flow(new ParameterSet(), "iaf", 3, 2, new int[] {8}, 0);
        try (Scope s = Scope.open()) {
            Tensor output = Tensor.randn(2, flow.networkOutputs()).requiresGrad();
            IafPosterior q = flow.fromNetworkOutput(output);
            Tensor z = q.rsample();
            q.logProb(z).sum().backward();
            assertThat(output.grad().abs().sum().item()).isGreaterThan(0);
        }
    }

    /** Grid quadrature in 2-d of the inverted density: mass 1, and samples have its mean and entropy. */
    @Test
    void densityIntegratesToOneAndSamplesFollowIt() {
        Engine.seed(33);
        IafPosterior.Flow flow = new IafPosterior.Flow(new ParameterSet(), "iaf", 2, 2, new int[] {16, 16}, 1);
        int grid = 500;
        double halfWidth = 7;
        double h = 2 * halfWidth / grid;
        float[] points = new float[grid * grid * 2];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                points[2 * (i * grid + j)] = (float) (-halfWidth + (i + 0.5) * h);
                points[2 * (i * grid + j) + 1] = (float) (-halfWidth + (j + 0.5) * h);
            }
        }
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            IafPosterior q = flow.fromNetworkOutput(Tensor.of(new float[] {0.5f, -0.3f, 0.2f, -0.4f, 1.5f}, 1, 5));
            float[] logP = q.logProb(Tensor.of(points, (long) grid * grid, 2)).toFloats();
            double mass = 0;
            double mean0 = 0;
            double mean1 = 0;
            double entropy = 0;
            for (int k = 0; k < logP.length; k++) {
                double w = Math.exp(logP[k]) * h * h;
                mass += w;
                mean0 += w * points[2 * k];
                mean1 += w * points[2 * k + 1];
                entropy -= w * logP[k];
            }
            assertThat(mass).isCloseTo(1.0, within(2e-3));
            IafPosterior.Draw draw = q.draw(100_000);
            Tensor z = draw.z().reshape(-1, 2);
            float[] sampleMean = z.mean(0).toFloats();
            assertThat((double) sampleMean[0]).isCloseTo(mean0, within(0.02));
            assertThat((double) sampleMean[1]).isCloseTo(mean1, within(0.02));
            assertThat(-draw.logProb().mean().item()).isCloseTo(entropy, within(0.02));
        }
    }

    @Test
    void zeroStepsIsTheBaseGaussian() {
        Engine.seed(34);
        IafPosterior.Flow flow = new IafPosterior.Flow(new ParameterSet(), "iaf", 3, 0, new int[] {8}, 0);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            IafPosterior q = flow.fromNetworkOutput(Tensor.randn(4, 6));
            Tensor z = Tensor.randn(4, 3);
            assertThat(q.logProb(z).toFloats()).containsExactly(q.base().logProb(z).toFloats(), within(1e-5f));
        }
    }

    @Test
    void negativeStepsAreRejectedNamingTheFlag() {
        assertThatThrownBy(() -> new IafPosterior.Flow(new ParameterSet(), "iaf", 3, -1, new int[] {8}, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("--iaf-steps");
    }
}
