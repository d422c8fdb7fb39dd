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

class AutoregressiveFlowPriorTest {
    private static final double HALF_WIDTH = 14;
    private static final int GRID = 700;
    private static final int SAMPLES = 200_000;

    @Test
    void densityIntegratesToOneAndSamplesFollowItWithScales() {
        checkAgainstQuadrature(false, 21);
    }

    @Test
    void meanOnlyFlowIntegratesToOneAndSamplesFollowIt() {
        checkAgainstQuadrature(true, 22);
    }

    @Test
    void noiseOfASampleIsTheNoiseItCameFrom() {
        Engine.seed(3);
        AutoregressiveFlowPrior prior = new AutoregressiveFlowPrior(new ParameterSet(), "prior", 5, 3,
                new int[] {20, 20}, false);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor eps = Tensor.randn(50, 5);
            Tensor back = prior.noise(prior.transform(eps));
            assertThat(back.sub(eps).abs().max().item()).isLessThan(1e-4);
        }
    }

    @Test
    void logProbHandlesLeadingSampleDimensionsAndZeroLayersIsStandardNormal() {
        Engine.seed(4);
        AutoregressiveFlowPrior prior = new AutoregressiveFlowPrior(new ParameterSet(), "prior", 3, 2,
                new int[] {12}, false);
        AutoregressiveFlowPrior none = new AutoregressiveFlowPrior(new ParameterSet(), "prior", 3, 0,
                new int[] {12}, false);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor z = Tensor.randn(4, 5, 3);
            Tensor stacked = prior.logProb(z);
            assertThat(stacked.shape()).containsExactly(4, 5);
            assertThat(stacked.toFloats()).containsExactly(prior.logProb(z.reshape(20, 3)).toFloats(), within(1e-5f));
            assertThat(none.logProb(z).toFloats())
                    .containsExactly(new StandardNormal(3).logProb(z).toFloats(), within(1e-6f));
            assertThat(prior.sample(7).shape()).containsExactly(7, 3);
        }
    }

    @Test
    void negativeFlowLayersAreRejectedNamingTheFlag() {
        assertThatThrownBy(() -> new AutoregressiveFlowPrior(new ParameterSet(), "p", 4, -1, new int[] {8}, false))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("--flow-layers")
                .hasMessageContaining("-1");
    }

    /**
     * Grid quadrature of p over [-14, 14]^2 gives its mass (1), moments and entropy; the same from 200k samples
     * must agree within a few standard errors. A sampler that did not invert the density would shift them.
     */
    private static void checkAgainstQuadrature(boolean meanOnly, long seed) {
        Engine.seed(seed);
        AutoregressiveFlowPrior prior = new AutoregressiveFlowPrior(new ParameterSet(), "prior", 2, 3,
                new int[] {24, 24}, meanOnly);
        double h = 2 * HALF_WIDTH / GRID;
        float[] grid = new float[GRID * GRID * 2];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[2 * (i * GRID + j)] = (float) (-HALF_WIDTH + (i + 0.5) * h);
                grid[2 * (i * GRID + j) + 1] = (float) (-HALF_WIDTH + (j + 0.5) * h);
            }
        }
        double mass = 0;
        double[] moments = new double[5];  // E z1, E z2, E z1^2, E z2^2, E z1 z2
        double entropy = 0;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            float[] logP = prior.logProb(Tensor.of(grid, (long) GRID * GRID, 2)).toFloats();
            for (int k = 0; k < logP.length; k++) {
                double w = Math.exp(logP[k]) * h * h;
                double a = grid[2 * k];
                double b = grid[2 * k + 1];
                mass += w;
                moments[0] += w * a;
                moments[1] += w * b;
                moments[2] += w * a * a;
                moments[3] += w * b * b;
                moments[4] += w * a * b;
                entropy -= w * logP[k];
            }
        }
        assertThat(mass).as("integral of p").isCloseTo(1.0, within(2e-3));

        double[] sampled = new double[5];
        double sampledEntropy;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor z = prior.sample(SAMPLES);
            float[] v = z.toFloats();
            for (int k = 0; k < SAMPLES; k++) {
                double a = v[2 * k];
                double b = v[2 * k + 1];
                sampled[0] += a;
                sampled[1] += b;
                sampled[2] += a * a;
                sampled[3] += b * b;
                sampled[4] += a * b;
            }
            sampledEntropy = -prior.logProb(z).mean().item();
        }
        double[] varianceOfTerm = {
            moments[2] - moments[0] * moments[0], moments[3] - moments[1] * moments[1]};
        for (int m = 0; m < 5; m++) {
            sampled[m] /= SAMPLES;
            double scale = m < 2 ? Math.sqrt(varianceOfTerm[m]) : (m < 4 ? moments[m] * 2 : Math.sqrt(moments[2] * moments[3]) * 2);
            double tolerance = 5 * scale / Math.sqrt(SAMPLES) + 1e-3;
            assertThat(sampled[m]).as("moment %d (meanOnly=%s)", m, meanOnly).isCloseTo(moments[m], within(tolerance));
        }
        assertThat(sampledEntropy).as("entropy").isCloseTo(entropy, within(0.02));
        assertThat(Math.abs(moments[4] - moments[0] * moments[1])).as("the flow correlates the two dimensions")
                .isGreaterThan(0.01);
    }
}
