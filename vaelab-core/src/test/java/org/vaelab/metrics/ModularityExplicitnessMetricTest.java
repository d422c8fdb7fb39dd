package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;

class ModularityExplicitnessMetricTest {
    private static ModularityResult of(FactorEncoder encoder) {
        var train = Representations.Sample.draw(encoder, 2000, 2);
        var test = Representations.Sample.draw(encoder, 1000, 3);
        return ModularityExplicitnessMetric.compute(train.codes(), train.factors(), test.codes(), test.factors(), 0);
    }

    @Test
    void disentangledCodesAreModularAndExplicit() {
        ModularityResult result = of(Representations.disentangled(1));
        // Three codes near 1; the pure-noise code spreads its tiny information and scores about 0.7.
        assertThat(result.modularity()).isGreaterThan(0.85);
        assertThat(result.explicitnessTest()).isGreaterThan(0.97);
        assertThat(result.protocol()).isEqualTo(new ModularityProtocol(2000, 1000, 20));
    }

    @Test
    void noiseCodesAreNotExplicit() {
        ModularityResult result = of(Representations.noise(1));
        assertThat(result.explicitnessTest()).isBetween(0.45, 0.6);
    }

    @Test
    void entangledCodesAreExplicitButLessModular() {
        ModularityResult entangled = of(Representations.entangled(1));
        assertThat(entangled.explicitnessTest()).isGreaterThan(0.97);
        assertThat(entangled.modularity()).isLessThan(of(Representations.disentangled(1)).modularity() - 0.2);
    }

    @Test
    void constantTestFactorIsRejected() {
        var train = Representations.Sample.draw(Representations.disentangled(1), 100, 2);
        float[][] testCodes = {{0, 0, 0, 0}, {1, 1, 1, 1}};
        int[][] testFactors = {{0, 1, 2}, {1, 1, 3}};
        assertThatThrownBy(() -> ModularityExplicitnessMetric.compute(train.codes(), train.factors(), testCodes,
                testFactors, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("factor column 1 of the test data is constant");
    }
}
