package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FactorVaeMetricTest {
    private static final FactorVaeProtocol SMALL = new FactorVaeProtocol(500, 300, 32, 1000, 0.05);

    @Test
    void disentangledCodesVoteForTheFixedFactor() {
        FactorVaeResult result = FactorVaeMetric.compute(new SmallGrid(), Representations.disentangled(1), SMALL, 0);
        assertThat(result.trainAccuracy()).isEqualTo(1.0);
        assertThat(result.evalAccuracy()).isEqualTo(1.0);
        assertThat(result.numActiveDims()).isEqualTo(4);
    }

    @Test
    void noiseCodesScoreNearChance() {
        FactorVaeResult result = FactorVaeMetric.compute(new SmallGrid(), Representations.noise(1), SMALL, 0);
        assertThat(result.evalAccuracy()).isBetween(0.2, 0.45);
    }

    @Test
    void collapsedDimensionsArePrunedBeforeVoting() {
        // A fifth dimension is constant within each encoder call and has std 0.001 across calls: unpruned, its
        // zero batch variance would win every vote whatever factor was fixed.
        Random random = new Random(3);
        FactorEncoder withCollapsed = rows -> {
            float[][] base = Representations.disentangled(1).encode(rows);
            float[][] codes = new float[rows.length][5];
            float batchConstant = (float) (0.001 * random.nextGaussian());
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(base[i], 0, codes[i], 0, 4);
                codes[i][4] = batchConstant;
            }
            return codes;
        };
        FactorVaeResult pruned = FactorVaeMetric.compute(new SmallGrid(), withCollapsed, SMALL, 0);
        assertThat(pruned.numActiveDims()).isEqualTo(4);
        assertThat(pruned.evalAccuracy()).isEqualTo(1.0);

        FactorVaeResult unpruned = FactorVaeMetric.compute(new SmallGrid(), withCollapsed,
                new FactorVaeProtocol(500, 300, 32, 1000, 0.0), 0);
        assertThat(unpruned.numActiveDims()).isEqualTo(5);
        assertThat(unpruned.evalAccuracy()).isLessThan(0.5);
    }

    @Test
    void everyDimensionCollapsedScoresZeroAsDlib() {
        FactorEncoder collapsed = rows -> new float[rows.length][3];
        FactorVaeResult result = FactorVaeMetric.compute(new SmallGrid(), collapsed, SMALL, 0);
        assertThat(result.trainAccuracy()).isZero();
        assertThat(result.evalAccuracy()).isZero();
        assertThat(result.numActiveDims()).isZero();
    }
}
