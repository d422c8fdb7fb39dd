package org.vaelab.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.data.FactorGrid;

class GridCodeCacheTest {

    /** Two factors of sizes 3 and 4; index = 4 * a + b. */
    private static final FactorGrid GRID = new FactorGrid() {
        @Override
        public String[] names() {
            return new String[] {"a", "b"};
        }

        @Override
        public int[] sizes() {
            return new int[] {3, 4};
        }

        @Override
        public void factorsOf(int index, int[] out) {
            out[0] = index / 4;
            out[1] = index % 4;
        }

        @Override
        public int indexOf(int[] factors) {
            return factors[0] * 4 + factors[1];
        }
    };

    @Test
    void encodesEachImageOnceAndAnswersInTheOrderAsked() {
        List<Integer> encoded = new ArrayList<>();
        GridCodeCache cache = new GridCodeCache(GRID, indices -> {
            float[][] codes = new float[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                encoded.add(indices[i]);
                codes[i] = new float[] {indices[i], -indices[i]};
            }
            return codes;
        });

        float[][] first = cache.encode(new int[][] {{1, 2}, {0, 0}, {1, 2}, {2, 3}});
        float[][] second = cache.encode(new int[][] {{2, 3}, {0, 1}, {1, 2}});

        assertThat(encoded).containsExactly(6, 0, 11, 1);
        assertThat(first).isDeepEqualTo(new float[][] {{6, -6}, {0, 0}, {6, -6}, {11, -11}});
        assertThat(second).isDeepEqualTo(new float[][] {{11, -11}, {1, -1}, {6, -6}});
    }

    @Test
    void asksTheEncoderNothingWhenEveryImageIsKnown() {
        int[] calls = {0};
        GridCodeCache cache = new GridCodeCache(GRID, indices -> {
            calls[0]++;
            return new float[indices.length][1];
        });
        cache.encode(new int[][] {{0, 0}});
        cache.encode(new int[][] {{0, 0}, {0, 0}});
        assertThat(calls[0]).isEqualTo(1);
    }
}
