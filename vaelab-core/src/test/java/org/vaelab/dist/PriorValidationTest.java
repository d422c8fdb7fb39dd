package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.tensor.ParameterSet;

/** Bad prior settings fail with a one-line message naming the flag to fix. */
class PriorValidationTest {

    @Test
    void mixtureNeedsAtLeastOneComponent() {
        assertFlag(() -> MixtureOfGaussiansPrior.randomMeans(0, 2), "--components");
        assertFlag(() -> MixtureOfGaussiansPrior.fixed(new float[0][], 1), "--components");
        assertFlag(() -> MixtureOfGaussiansPrior.learned(new ParameterSet(), new float[0][], 1,
                MixtureOfGaussiansPrior.VarianceSharing.SHARED), "--components");
    }

    @Test
    void studentTNeedsPositiveDegreesOfFreedom() {
        assertFlag(() -> new StudentTPrior(3, 0), "--df");
        assertFlag(() -> new StudentTPrior(3, -2), "--df");
        assertFlag(() -> new StudentTPrior(3, Double.NaN), "--df");
    }

    @Test
    void spikeAndSlabNeedsGammaInTheHalfOpenUnitInterval() {
        assertFlag(() -> new SpikeAndSlabPrior(3, 1), "--sparsity-gamma");
        assertFlag(() -> new SpikeAndSlabPrior(3, -0.1), "--sparsity-gamma");
        assertFlag(() -> new SpikeAndSlabPrior(3, Double.NaN), "--sparsity-gamma");
    }

    @Test
    void varianceScaleAndVariancesMustBePositive() {
        assertFlag(() -> AnisotropicGaussianPrior.isotropic(3, 0), "--prior-variance-scale");
        assertFlag(() -> MixtureOfGaussiansPrior.fixed(MixtureOfGaussiansPrior.compassMeans(), -1),
                "--prior-variance-scale");
        assertFlag(() -> AnisotropicGaussianPrior.fixed(new double[] {1, 0}, 1), "--prior-variance pca");
    }

    private static void assertFlag(Runnable build, String flag) {
        assertThatThrownBy(build::run).isInstanceOf(UserInputException.class).hasMessageContaining(flag)
                .message().doesNotContain("\n");
    }
}
