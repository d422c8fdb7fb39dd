package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SapMetricTest {
    private static SapResult sapOf(FactorEncoder encoder, long seed) {
        var train = Representations.Sample.draw(encoder, 2000, 2);
        var test = Representations.Sample.draw(encoder, 1000, 3);
        return SapMetric.compute(train.codes(), train.factors(), test.codes(), test.factors(), seed);
    }

    @Test
    void disentangledCodesLeaveAWideGapBetweenBestAndSecondCode() {
        SapResult result = sapOf(Representations.disentangled(1), 0);
        // A one-feature linear SVM cannot carve out middle values, so the gap stays well short of 1.
        assertThat(result.sap()).isGreaterThan(0.3);
        // The code holding factor 2 (five values) beats every other code on it.
        assertThat(result.scoreMatrix()[0][2]).isGreaterThan(result.scoreMatrix()[1][2] + 0.2);
        assertThat(result.classifier().settings()).containsEntry("C", 0.01).containsEntry("class_weight", "balanced");
    }

    @Test
    void noiseCodesLeaveNoGap() {
        assertThat(sapOf(Representations.noise(1), 0).sap()).isLessThan(0.05);
    }

    @Test
    void entangledCodesLeaveASmallGap() {
        assertThat(sapOf(Representations.entangled(1), 0).sap()).isLessThan(0.15);
    }

    @Test
    void sameSeedGivesTheSameScoresDespiteParallelFits() {
        assertThat(sapOf(Representations.disentangled(1), 7).scoreMatrix())
                .isDeepEqualTo(sapOf(Representations.disentangled(1), 7).scoreMatrix());
    }
}
