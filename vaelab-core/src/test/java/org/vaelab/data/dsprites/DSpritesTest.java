package org.vaelab.data.dsprites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.data.Dataset;
import org.vaelab.data.FactorGrid;
import org.vaelab.data.ValueKind;

class DSpritesTest {

    private final Dataset dataset = new DSprites();

    @Test
    void describesItself() {
        assertThat(dataset.name()).isEqualTo("dsprites");
        assertThat(dataset.size()).isEqualTo(737_280);
        assertThat(dataset.shape()).isEqualTo(new Dataset.Shape(1, 64, 64));
        assertThat(dataset.dim()).isEqualTo(4096);
        assertThat(dataset.valueKind()).isEqualTo(ValueKind.BINARY);
        assertThat(dataset.labels()).isEmpty();
        assertThat(dataset.provenance()).contains("procedural dSprites per SPEC", "renderer version 1");
    }

    @Test
    void exposesTheFactorGrid() {
        FactorGrid factors = dataset.factors().orElseThrow();
        assertThat(factors.sizes()).containsExactly(3, 6, 40, 32, 32);
        assertThat(Arrays.stream(factors.sizes()).reduce(1, (a, b) -> a * b)).isEqualTo(dataset.size());
    }

    @Test
    void fillsImagesInIndexOrderIgnoringTheRandomSource() {
        int[] indices = {0, 737_279, 123_456, 0};
        float[] first = new float[indices.length * 4096];
        float[] second = new float[indices.length * 4096];
        Arrays.fill(second, 0.25f);
        dataset.fill(indices, first, new SplittableRandom(1));
        dataset.fill(indices, second, new SplittableRandom(2));
        assertThat(second).containsExactly(first);

        float[] single = new float[4096];
        for (int i = 0; i < indices.length; i++) {
            DSpritesRenderer.render(indices[i], single, 0);
            assertThat(Arrays.copyOfRange(first, i * 4096, (i + 1) * 4096)).containsExactly(single);
        }
    }

    @Test
    void rejectsTooSmallOutputAndBadIndices() {
        assertThatThrownBy(() -> dataset.fill(new int[] {0, 1}, new float[4096], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dataset.fill(new int[] {737_280}, new float[4096], null))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
