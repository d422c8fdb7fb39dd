package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;

class MigMetricTest {
    private static final int POINTS = 3000;

    @Test
    void disentangledCodesGiveAGapNearOne() {
        var sample = Representations.Sample.draw(Representations.disentangled(1), POINTS, 2);
        MigResult result = MigMetric.compute(sample.codes(), sample.factors(), 0);
        assertThat(result.mig()).isGreaterThan(0.95);
        assertThat(result.protocol()).isEqualTo(new MigProtocol(POINTS, 20));
    }

    @Test
    void noiseCodesGiveAGapNearZero() {
        var sample = Representations.Sample.draw(Representations.noise(1), POINTS, 2);
        assertThat(MigMetric.compute(sample.codes(), sample.factors(), 0).mig()).isLessThan(0.05);
    }

    @Test
    void entangledCodesGiveALowGap() {
        var sample = Representations.Sample.draw(Representations.entangled(1), POINTS, 2);
        assertThat(MigMetric.compute(sample.codes(), sample.factors(), 0).mig()).isLessThan(0.2);
    }

    @Test
    void smallCaseMatchesHandComputation() {
        // Code 0 copies the factor (I = ln 2 = H); code 1 = (0,0,0,1) has I = 0.2158 nats.
        float[][] codes = {{0, 0}, {0, 0}, {1, 0}, {1, 1}};
        int[][] factors = {{0}, {0}, {1}, {1}};
        double second = 0.5 * Math.log(4 / 3.0) + 0.25 * Math.log(2 / 3.0) + 0.25 * Math.log(2);
        MigResult result = MigMetric.compute(codes, factors, 0);
        assertThat(result.mig()).isCloseTo((Math.log(2) - second) / Math.log(2), within(1e-12));
        assertThat(result.factorEntropy()[0]).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void constantFactorIsRejected() {
        float[][] codes = {{0, 1}, {1, 0}, {2, 2}};
        int[][] factors = {{0, 4}, {1, 4}, {2, 4}};
        assertThatThrownBy(() -> MigMetric.compute(codes, factors, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("factor column 1")
                .hasMessageContaining("constant");
    }

    @Test
    void singleCodeDimensionIsRejected() {
        assertThatThrownBy(() -> MigMetric.compute(new float[][] {{0}, {1}}, new int[][] {{0}, {1}}, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("at least 2 code dimensions");
    }
}
