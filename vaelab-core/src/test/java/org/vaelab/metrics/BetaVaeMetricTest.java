package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.FactorGrid;

class BetaVaeMetricTest {
    private static final BetaVaeProtocol SMALL = new BetaVaeProtocol(500, 300, 32);

    @Test
    void disentangledCodesRevealTheFixedFactor() {
        BetaVaeResult result = BetaVaeMetric.compute(new SmallGrid(), Representations.disentangled(1), SMALL, 0);
        assertThat(result.trainAccuracy()).isGreaterThan(0.97);
        assertThat(result.evalAccuracy()).isGreaterThan(0.97);
        assertThat(result.protocol()).isEqualTo(SMALL);
        assertThat(result.classifier().settings()).containsEntry("solver", "L2R_LR").containsEntry("C", 1.0);
    }

    @Test
    void noiseCodesScoreNearChance() {
        // Three factors: chance is 1/3.
        BetaVaeResult result = BetaVaeMetric.compute(new SmallGrid(), Representations.noise(1), SMALL, 0);
        assertThat(result.evalAccuracy()).isBetween(0.2, 0.45);
    }

    @Test
    void accuracyByFactorShowsTheFactorsTheCodesLeaveOut() {
        // Only code dimension 1 (the first factor) is kept: points that held the second or the third factor fixed
        // look alike, so the classifier cannot tell those two apart.
        FactorEncoder firstFactorOnly = rows -> {
            float[][] codes = Representations.disentangled(1).encode(rows);
            for (float[] code : codes) {
                code[0] = 0;
                code[2] = 0;
            }
            return codes;
        };
        BetaVaeResult result = BetaVaeMetric.compute(new SmallGrid(), firstFactorOnly, SMALL, 0);
        String[] names = new SmallGrid().names();
        Map<String, Double> byFactor = result.evalAccuracyByFactor();
        assertThat(byFactor).containsOnlyKeys(names);
        assertThat(byFactor.get(names[0])).isGreaterThan(0.95);
        assertThat(byFactor.get(names[1]) + byFactor.get(names[2])).isLessThan(1.4);
    }

    @Test
    void encodesBatchesOfTheProtocolSizeWithTheFixedFactorShared() {
        AtomicInteger calls = new AtomicInteger();
        int[][][] previous = new int[1][][];
        FactorEncoder recording = rows -> {
            assertThat(rows).hasNumberOfRows(SMALL.batchSize());
            if (calls.incrementAndGet() % 2 == 0) {
                // The second batch of a pair agrees with the first on at least one factor in every row.
                int shared = 0;
                for (int k = 0; k < 3; k++) {
                    boolean all = true;
                    for (int b = 0; b < rows.length; b++) {
                        all &= rows[b][k] == previous[0][b][k];
                    }
                    shared += all ? 1 : 0;
                }
                assertThat(shared).isGreaterThanOrEqualTo(1);
            }
            previous[0] = rows;
            return Representations.disentangled(1).encode(rows);
        };
        BetaVaeMetric.compute(new SmallGrid(), recording, SMALL, 0);
        assertThat(calls.get()).isEqualTo(2 * (SMALL.numTrain() + SMALL.numEval()));
    }

    @Test
    void sameSeedGivesTheSameResult() {
        BetaVaeResult first = BetaVaeMetric.compute(new SmallGrid(), Representations.entangled(1), SMALL, 5);
        BetaVaeResult second = BetaVaeMetric.compute(new SmallGrid(), Representations.entangled(1), SMALL, 5);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void factorWithOneValueIsRejected() {
        FactorGrid oneColour = new SmallGrid() {
            @Override
            public int[] sizes() {
                return new int[] {3, 1, 5};
            }
        };
        assertThatThrownBy(() -> BetaVaeMetric.compute(oneColour, Representations.disentangled(1), SMALL, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("beta_vae: factor 'scale' has 1 value(s); every factor must take at least two values");
    }

    @Test
    void nonFiniteCodesFromTheEncoderAreRejected() {
        FactorEncoder broken = rows -> {
            float[][] codes = Representations.disentangled(1).encode(rows);
            codes[3][1] = Float.NaN;
            return codes;
        };
        assertThatThrownBy(() -> BetaVaeMetric.compute(new SmallGrid(), broken, SMALL, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("beta_vae: encoded codes contain NaN at row 3, dimension 1");
    }
}
