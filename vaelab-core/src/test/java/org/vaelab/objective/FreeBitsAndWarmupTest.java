package org.vaelab.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.StandardNormal;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class FreeBitsAndWarmupTest {
    /** Posterior means 0.5 and 2 over a batch of two, unit variances: per-dimension KLs 0.125 and 2 nats. */
    private static final float[] MEANS = {0.5f, 2f, 0.5f, 2f};

    @Test
    void freeBitsChargeMaxOfLambdaAndTheBatchMeanKlPerDimensionAndStopItsGradientBelowLambda() {
        try (Scope s = Scope.open()) {
            Tensor mean = Tensor.of(MEANS, 2, 2).requiresGrad();
            DiagonalGaussian q = new DiagonalGaussian(mean, Tensor.zeros(2, 2));
            ForwardPass pass = DecompositionPasses.of(q, new StandardNormal(2));
            Loss plain = new BetaElbo(1).evaluate(pass, 0);
            Loss free = new BetaElbo(1, 0.5).evaluate(pass, 0);
            // Dimension 0 has KL 0.125 < 0.5: charged 0.5; dimension 1 has KL 2 > 0.5: charged 2.
            Tensor recon = free.terms().get("recon");
            assertThat(plain.total().item() - recon.item()).isCloseTo(0.125 + 2.0, within(1e-5));
            assertThat(free.total().item() - recon.item()).isCloseTo(0.5 + 2.0, within(1e-5));
            assertThat(free.terms().get("kl").item()).isCloseTo(2.125, within(1e-5));
            free.total().sub(recon).backward();
            float[] grad = mean.grad().toFloats();
            // The KL part's gradient: mu / batch = 1 for dimension 1, none for the clamped dimension 0.
            assertThat(grad).containsExactly(new float[] {0f, 1f, 0f, 1f}, within(1e-5f));
        }
    }

    @Test
    void withoutPerDimensionKlTheWholeCodeIsOneGroupAllowedLambdaTimesD() {
        try (Scope s = Scope.open()) {
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(MEANS, 2, 2), Tensor.zeros(2, 2));
            ForwardPass split = DecompositionPasses.of(q, new StandardNormal(2));
            ForwardPass whole = new ForwardPass(split.x(), split.posterior(), split.z(), split.likelihood(),
                    split.logLikelihood(), split.prior(), new org.vaelab.dist.KlTerm(split.kl().total(), null, true));
            // Mean total KL is 2.125 nats: below 2 * 1.5 = 3, so charged 3; above 2 * 0.5 = 1, so charged as is.
            assertThat(FreeBits.kl(whole, 1.5).item()).isCloseTo(3.0, within(1e-5));
            assertThat(FreeBits.kl(whole, 0.5).item()).isCloseTo(2.125, within(1e-5));
        }
    }

    @Test
    void warmupScalesEverythingButTheReconstructionFromZeroToOne() {
        try (Scope s = Scope.open()) {
            DiagonalGaussian q = new DiagonalGaussian(Tensor.of(MEANS, 2, 2), Tensor.zeros(2, 2));
            ForwardPass pass = DecompositionPasses.of(q, new StandardNormal(2));
            Objective inner = new BetaElbo(4);
            KlWarmup warm = new KlWarmup(inner, 100);
            double recon = inner.evaluate(pass, 0).terms().get("recon").item();
            double full = inner.evaluate(pass, 0).total().item();
            assertThat(warm.evaluate(pass, 0).total().item()).isCloseTo(recon, within(1e-5));
            assertThat(warm.evaluate(pass, 25).total().item()).isCloseTo(recon + 0.25 * (full - recon), within(1e-4));
            assertThat(warm.evaluate(pass, 100).total().item()).isCloseTo(full, within(1e-5));
            assertThat(warm.evaluate(pass, 5000).total().item()).isCloseTo(full, within(1e-5));
            assertThat(warm.evaluate(pass, 25).terms().get("warmup").item()).isCloseTo(0.25, within(1e-9));
        }
    }
}
