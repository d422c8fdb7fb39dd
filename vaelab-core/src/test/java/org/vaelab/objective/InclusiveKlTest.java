package org.vaelab.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.MixtureOfGaussiansPrior;
import org.vaelab.dist.Prior;
import org.vaelab.dist.StandardNormal;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class InclusiveKlTest {

    @Test
    void zeroWhenEveryPosteriorIsThePrior() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(31);
            DiagonalGaussian posteriors = new DiagonalGaussian(Tensor.zeros(64, 3), Tensor.zeros(64, 3));
            double estimate = new InclusiveKl().estimate(DecompositionPasses.of(posteriors, new StandardNormal(3))).item();
            assertThat(estimate).isCloseTo(0, within(1e-5));
        }
    }

    @Test
    void zeroWhenTheBatchMixtureIsThePrior() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(32);
            // One posterior per mixture component: their equal-weight mixture is exactly the prior.
            MixtureOfGaussiansPrior prior = MixtureOfGaussiansPrior.fixed(MixtureOfGaussiansPrior.compassMeans(), 0.03);
            DiagonalGaussian posteriors = new DiagonalGaussian(prior.means(), prior.logVariance().expand(4, 2));
            double estimate = new InclusiveKl().estimate(DecompositionPasses.of(posteriors, prior)).item();
            assertThat(estimate).isCloseTo(0, within(1e-4));
        }
    }

    @Test
    void matchesTheKlOfAShiftedAggregate() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Engine.seed(33);
            // Every posterior N(mu, I), so q(z) = N(mu, I) and KL(p || q) = ||mu||^2 / 2 = 1.
            int batch = 2000;
            Tensor mu = Tensor.of(new float[] {1, -1}, 1, 2).expand(batch, 2);
            DiagonalGaussian posteriors = new DiagonalGaussian(mu, Tensor.zeros(batch, 2));
            Prior prior = new StandardNormal(2);
            assertThat(new InclusiveKl().estimate(DecompositionPasses.of(posteriors, prior)).item()).isCloseTo(1, within(0.12));
        }
    }
}
