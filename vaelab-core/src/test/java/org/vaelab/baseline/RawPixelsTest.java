package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawPixelsTest {

    @Test
    void codesAreThePixelsThemselves() {
        float[][] images = {{0, 1, 0.5f, 1}, {1, 0, 0, 0.25f}};
        RawPixels raw = new RawPixels(4);

        float[][] codes = raw.encode(images);

        assertThat(codes).isDeepEqualTo(images);
        assertThat(codes[0]).isNotSameAs(images[0]);
        assertThat(raw.dim()).isEqualTo(4);
        assertThat(raw.inputDim()).isEqualTo(4);
        assertThat(raw.name()).isEqualTo("raw");
        assertThat(raw.fitReport()).isEmpty();
    }

    @Test
    void rejectsImagesOfAnotherSize() {
        assertThatThrownBy(() -> new RawPixels(4).encode(new float[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 values");
    }
}
