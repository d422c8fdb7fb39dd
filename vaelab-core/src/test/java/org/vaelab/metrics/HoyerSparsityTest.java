package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;

class HoyerSparsityTest {

    @Test
    void oneHotCodesAreFullySparse() {
        float[][] codes = new float[40][5];
        for (int i = 0; i < codes.length; i++) {
            codes[i][i % 5] = 2.5f;
        }
        assertThat(HoyerSparsity.compute(codes).hoyer()).isCloseTo(1, within(1e-12));
    }

    @Test
    void codesOfEqualMagnitudeAreNotSparse() {
        // Each column alternates +-1, so every dimension has std exactly 1.
        float[][] codes = new float[40][5];
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < 5; j++) {
                codes[i][j] = (i + j) % 2 == 0 ? 1 : -1;
            }
        }
        assertThat(HoyerSparsity.compute(codes).hoyer()).isCloseTo(0, within(1e-12));
    }

    @Test
    void perDimensionScaleDoesNotMatter() {
        float[][] codes = {{1, 0, 3}, {0, 2, 1}, {4, 1, 0}, {2, 2, 2}};
        float[][] rescaled = new float[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            rescaled[i] = new float[] {codes[i][0] * 100, codes[i][1], codes[i][2] * 0.01f};
        }
        assertThat(HoyerSparsity.compute(rescaled).hoyer())
                .isCloseTo(HoyerSparsity.compute(codes).hoyer(), within(1e-6));
    }

    @Test
    void allZeroCodesAreLeftOutAndCounted() {
        float[][] codes = {{1, 0}, {0, 1}, {0, 0}};
        SparsityResult result = HoyerSparsity.compute(codes);
        assertThat(result.hoyer()).isCloseTo(1, within(1e-12));
        assertThat(result.numZeroCodes()).isEqualTo(1);
    }

    @Test
    void nothingButZerosIsRejected() {
        assertThatThrownBy(() -> HoyerSparsity.compute(new float[][] {{0, 0}, {0, 0}}))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("all zeros");
    }
}
