package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class PriorKlsTest {
    private static final int SAMPLES = 200_000;

    @BeforeAll
    static void register() {
    }

    @Test
    void closedFormToAnisotropicGaussianMatchesMonteCarlo() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(11);
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(new float[] {0.5f, -1.2f, 0f}, 1, 3),
                    Tensor.of(new float[] {-0.7f, 0.4f, -2f}, 1, 3));
            AnisotropicGaussianPrior p = AnisotropicGaussianPrior.fixed(new double[] {5, 1, 0.2}, 0.7);
            KlTerm closed = KlRegistry.divergence(q, p, q.rsample());
            assertThat(closed.analytic()).isTrue();
            Tensor z = q.rsample(SAMPLES).reshape(SAMPLES, 3);
            Tensor logRatio = q.logProb(z).sub(p.logProb(z));
            double standardError = Math.sqrt(logRatio.variance(0).item() / SAMPLES);
            assertThat(closed.total().item()).isCloseTo(logRatio.mean().item(), within(4 * standardError));
            assertThat(closed.perDimension().sum().item()).isCloseTo(closed.total().item(), within(1e-5));
        }
    }

    @Test
    void isotropicUnitVarianceGivesTheStandardNormalKl() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(new float[] {0.3f, 2f, -1f, 0.1f}, 2, 2),
                    Tensor.of(new float[] {-0.2f, 0.1f, 0.5f, -1f}, 2, 2));
            float[] anisotropic = KlRegistry.divergence(q, AnisotropicGaussianPrior.isotropic(2, 1), null)
                    .total().toFloats();
            float[] standard = KlRegistry.divergence(q, new StandardNormal(2), null).total().toFloats();
            assertThat(anisotropic).containsExactly(standard, within(1e-5f));
        }
    }

    @Test
    void learnedVariancesGetGradientsFromTheClosedForm() {
        ParameterSet parameters = new ParameterSet();
        AnisotropicGaussianPrior prior = AnisotropicGaussianPrior.learned(parameters.child("prior"),
                new double[] {4, 2, 1}, 1);
        assertThat(parameters.named()).containsOnlyKeys("prior.variance_logits");
        try (Scope s = Scope.open()) {
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(new float[] {0.5f, -1f, 2f}, 1, 3),
                    Tensor.of(new float[] {0f, -1f, 0.5f}, 1, 3));
            KlRegistry.divergence(q, prior, q.rsample()).total().sum().backward();
            Tensor logits = parameters.named().get("prior.variance_logits");
            assertThat(logits.grad()).isNotNull();
            assertThat(logits.grad().abs().max().item()).isGreaterThan(1e-3);
        }
    }
}
