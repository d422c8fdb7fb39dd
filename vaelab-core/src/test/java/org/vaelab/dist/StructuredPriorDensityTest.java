package org.vaelab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** Each prior's density integrates to 1: per dimension for the factorised ones, over the plane for the mixture. */
class StructuredPriorDensityTest {

    @Test
    void anisotropicGaussianIntegratesToOnePerDimension() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            AnisotropicGaussianPrior prior = AnisotropicGaussianPrior.fixed(new double[] {4, 1, 0.25}, 0.5);
            for (double mass : perDimensionMass(prior::logProbPerDim, 3, -15, 15, 0.002)) {
                assertThat(mass).isCloseTo(1, within(1e-4));
            }
        }
    }

    @Test
    void studentTIntegratesToItsExactMassOnAFiniteInterval() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            double half = 200;
            // Closed-form masses of [-L, L]: Cauchy (df 1) 2 atan(L) / pi; df 2: L / sqrt(2 + L^2).
            double cauchy = 2 * Math.atan(half) / Math.PI;
            double dfTwo = half / Math.sqrt(2 + half * half);
            for (double mass : perDimensionMass(new StudentTPrior(2, 1)::logProbPerDim, 2, -half, half, 0.002)) {
                assertThat(mass).isCloseTo(cauchy, within(1e-4));
            }
            for (double mass : perDimensionMass(new StudentTPrior(2, 2)::logProbPerDim, 2, -half, half, 0.002)) {
                assertThat(mass).isCloseTo(dfTwo, within(1e-4));
            }
            // df 9 has negligible mass beyond 200; a scale stretches without losing mass.
            for (double mass : perDimensionMass(new StudentTPrior(2, 9, 2.5)::logProbPerDim, 2, -half, half, 0.002)) {
                assertThat(mass).isCloseTo(1, within(1e-4));
            }
        }
    }

    @Test
    void studentTLogDensityMatchesTheFormula() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            // t(df 3) at 1.5: Gamma(2) / (Gamma(1.5) sqrt(3 pi)) * (1 + 0.75)^-2.
            double expected = Math.log(1 / (0.5 * Math.sqrt(Math.PI) * Math.sqrt(3 * Math.PI)) * Math.pow(1.75, -2));
            double actual = new StudentTPrior(1, 3).logProb(Tensor.of(new float[] {1.5f}, 1, 1)).item();
            assertThat(actual).isCloseTo(expected, within(1e-5));
            assertThat(StudentTPrior.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
            assertThat(StudentTPrior.logGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
            assertThat(StudentTPrior.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-12));
        }
    }

    @Test
    void spikeAndSlabIntegratesToOnePerDimension() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            for (double gamma : new double[] {0, 0.8, 0.99}) {
                SpikeAndSlabPrior prior = new SpikeAndSlabPrior(2, gamma);
                for (double mass : perDimensionMass(prior::logProbPerDim, 2, -12, 12, 0.0005)) {
                    assertThat(mass).as("gamma %s", gamma).isCloseTo(1, within(1e-4));
                }
            }
            // At 0 the spike dominates: density ~ gamma / (0.05 sqrt(2 pi)) + (1 - gamma) / sqrt(2 pi).
            double atZero = new SpikeAndSlabPrior(1, 0.8).logProb(Tensor.zeros(1, 1)).exp().item();
            assertThat(atZero).isCloseTo((0.8 / 0.05 + 0.2) / Math.sqrt(2 * Math.PI), within(1e-4));
        }
    }

    @Test
    void mixtureOfGaussiansIntegratesToOneOverThePlane() {
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            MixtureOfGaussiansPrior prior = MixtureOfGaussiansPrior.fixed(MixtureOfGaussiansPrior.compassMeans(), 0.03);
            double step = 0.01;
            int side = (int) Math.round(5 / step) + 1;
            float[] points = new float[side * side * 2];
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    points[2 * (i * side + j)] = (float) (-2.5 + i * step);
                    points[2 * (i * side + j) + 1] = (float) (-2.5 + j * step);
                }
            }
            Tensor density = prior.logProb(Tensor.of(points, side * side, 2)).exp();
            assertThat(density.sum().item() * step * step).isCloseTo(1, within(1e-3));
            // At a mean, its own component dominates: (1/4) / (2 pi 0.03).
            double atMean = prior.logProb(Tensor.of(new float[] {1, 0}, 1, 2)).exp().item();
            assertThat(atMean).isCloseTo(0.25 / (2 * Math.PI * 0.03), within(1e-3));
        }
    }

    /** Trapezoid-rule integral of exp(logProbPerDim) along each dimension over [low, high]. */
    static double[] perDimensionMass(java.util.function.UnaryOperator<Tensor> logProbPerDim, int dim,
                                     double low, double high, double step) {
        int points = (int) Math.round((high - low) / step) + 1;
        float[] grid = new float[points * dim];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < dim; j++) {
                grid[i * dim + j] = (float) (low + i * step);
            }
        }
        float[] density = logProbPerDim.apply(Tensor.of(grid, points, dim)).exp().toFloats();
        double[] mass = new double[dim];
        for (int i = 0; i < points; i++) {
            double weight = i == 0 || i == points - 1 ? 0.5 : 1;
            for (int j = 0; j < dim; j++) {
                mass[j] += weight * density[i * dim + j] * step;
            }
        }
        return mass;
    }
}
