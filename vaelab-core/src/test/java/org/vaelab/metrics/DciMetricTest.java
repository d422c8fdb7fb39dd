package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;

class DciMetricTest {
    private static final int TRAIN = 2000;
    private static final int TEST = 1000;

    private static DciResult dciOf(FactorEncoder encoder) {
        var train = Representations.Sample.draw(encoder, TRAIN, 2);
        var test = Representations.Sample.draw(encoder, TEST, 3);
        return DciMetric.compute(train.codes(), train.factors(), test.codes(), test.factors(), 0);
    }

    @Test
    void disentangledCodesAreDisentangledCompleteAndInformative() {
        DciResult result = dciOf(Representations.disentangled(1));
        assertThat(result.disentanglement()).isGreaterThan(0.9);
        assertThat(result.completeness()).isGreaterThan(0.9);
        assertThat(result.informativenessTest()).isGreaterThan(0.95);
        // Code 0 holds factor 2, code 1 factor 0, code 2 factor 1.
        assertThat(result.importance()[0][2]).isGreaterThan(0.9);
        assertThat(result.importance()[1][0]).isGreaterThan(0.9);
        assertThat(result.importance()[2][1]).isGreaterThan(0.9);
        for (int j = 0; j < 3; j++) {
            double columnSum = 0;
            for (double[] row : result.importance()) {
                columnSum += row[j];
            }
            assertThat(columnSum).isCloseTo(1, within(1e-9));
        }
        assertThat(result.protocol()).isEqualTo(new DciProtocol(TRAIN, TEST));
        assertThat(result.classifier().library()).startsWith("XGBoost4J");
    }

    @Test
    void noiseCodesAreNeitherDisentangledNorInformative() {
        DciResult result = dciOf(Representations.noise(1));
        assertThat(result.disentanglement()).isLessThan(0.1);
        // Chance is the mean of 1/3, 1/4, 1/5 = 0.26.
        assertThat(result.informativenessTest()).isLessThan(0.33);
    }

    @Test
    void entangledCodesAreInformativeButNotDisentangled() {
        DciResult result = dciOf(Representations.entangled(1));
        assertThat(result.informativenessTest()).isGreaterThan(0.95);
        assertThat(result.disentanglement()).isLessThan(0.3);
    }

    @Test
    void testDataOfAnotherWidthIsRejected() {
        var train = Representations.Sample.draw(Representations.disentangled(1), 50, 2);
        var test = Representations.Sample.draw(Representations.entangled(1), 50, 3);
        assertThatThrownBy(() -> DciMetric.compute(train.codes(), train.factors(), test.codes(), test.factors(), 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("dci: training codes have 4 dimensions but test codes have 3");
    }
}
