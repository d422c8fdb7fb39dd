package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.dist.MixtureOfGaussiansPrior.VarianceSharing;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** Learned prior parameters receive gradients through both the log-density and the reparameterised samples. */
class LearnedPriorGradientTest {

    @Test
    void mixtureMeansAndVariancesLearnFromTheLogDensity() {
        ParameterSet parameters = new ParameterSet();
        MixtureOfGaussiansPrior prior = MixtureOfGaussiansPrior.learned(parameters.child("prior"),
                MixtureOfGaussiansPrior.compassMeans(), 0.03, VarianceSharing.PER_COMPONENT);
        Map<String, Tensor> named = parameters.named();
        assertThat(named).containsOnlyKeys("prior.means", "prior.variance_logits");
        assertThat(named.get("prior.variance_logits").shape()).containsExactly(4, 2);
        try (Scope s = Scope.open()) {
            Tensor z = Tensor.of(new float[] {0.1f, -0.9f, 0.8f, 0.3f, -1.2f, 0.1f}, 3, 2);
            prior.logProb(z).sum().backward();
            assertNonzeroGradient(named.get("prior.means"));
            assertNonzeroGradient(named.get("prior.variance_logits"));
        }
    }

    @Test
    void samplesCarryGradientsToLearnedParameters() {
        ParameterSet parameters = new ParameterSet();
        MixtureOfGaussiansPrior mixture = MixtureOfGaussiansPrior.learned(parameters.child("mixture"),
                MixtureOfGaussiansPrior.randomMeans(3, 2), 1, VarianceSharing.SHARED);
        AnisotropicGaussianPrior anisotropic = AnisotropicGaussianPrior.learned(parameters.child("anisotropic"), 3, 1);
        Map<String, Tensor> named = parameters.named();
        assertThat(named.get("mixture.variance_logits").shape()).containsExactly(1, 2);
        try (Scope s = Scope.open()) {
            Engine.seed(12);
            mixture.sample(50).square().sum().backward();
            anisotropic.sample(50).square().mul(Tensor.of(new float[] {1, 2, 3}, 3)).sum().backward();
            assertNonzeroGradient(named.get("mixture.means"));
            assertNonzeroGradient(named.get("mixture.variance_logits"));
            assertNonzeroGradient(named.get("anisotropic.variance_logits"));
        }
    }

    private static void assertNonzeroGradient(Tensor parameter) {
        assertThat(parameter.grad()).isNotNull();
        assertThat(parameter.grad().abs().max().item()).isGreaterThan(1e-4);
    }
}
