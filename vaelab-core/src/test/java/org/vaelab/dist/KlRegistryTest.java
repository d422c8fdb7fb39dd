package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class KlRegistryTest {
    private static final int SAMPLES = 200_000;

    @Test
    void closedFormToStandardNormalMatchesMonteCarlo() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(7);
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(new float[] {0.5f, -1.2f, 0f}, 1, 3),
                    Tensor.of(new float[] {-0.7f, 0.4f, -2f}, 1, 3));
            StandardNormal p = new StandardNormal(3);
            KlTerm closed = KlRegistry.divergence(q, p, q.rsample());
            assertThat(closed.analytic()).isTrue();
            double monteCarlo = monteCarlo(q, p);
            assertThat(closed.total().item()).isCloseTo(monteCarlo, within(0.02));
            // Per-dimension terms add up to the total.
            assertThat(closed.perDimension().sum().item()).isCloseTo(closed.total().item(), within(1e-5));
        }
    }

    @Test
    void closedFormBetweenGaussiansMatchesMonteCarlo() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(8);
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(new float[] {0.3f, 2f}, 1, 2),
                    Tensor.of(new float[] {-0.2f, 0.1f}, 1, 2));
            DiagonalGaussian p = new DiagonalGaussian(Tensor.of(new float[] {-0.5f, 1f}, 1, 2),
                    Tensor.of(new float[] {0.3f, -0.6f}, 1, 2));
            KlTerm closed = KlRegistry.divergence(q, p, q.rsample());
            assertThat(closed.total().item()).isCloseTo(monteCarlo(q, p), within(0.02));
        }
    }

    @Test
    void unregisteredPairFallsBackToMonteCarloAtTheGivenSample() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(9);
            DiagonalGaussian q = new DiagonalGaussian(Tensor.zeros(4, 2), Tensor.zeros(4, 2));
            Density shiftedStandardNormal = z -> new StandardNormal(2).logProb(z.sub(1));
            Tensor z = q.rsample();
            KlTerm estimate = KlRegistry.divergence(q, shiftedStandardNormal, z);
            assertThat(estimate.analytic()).isFalse();
            assertThat(estimate.perDimension()).isNull();
            float[] expected = q.logProb(z).sub(shiftedStandardNormal.logProb(z)).toFloats();
            assertThat(estimate.total().toFloats()).containsExactly(expected);
        }
    }

    /** Mean of log q(z) - log p(z) over many z ~ q. */
    private static double monteCarlo(DiagonalGaussian q, Density p) {
        Tensor z = q.rsample(SAMPLES);
        return q.logProb(z).sub(p.logProb(z)).mean().item();
    }
}
