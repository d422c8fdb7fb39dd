package org.vaelab.data.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.idx.IdxFixtures;
import org.vaelab.data.idx.IdxImages;
import org.vaelab.data.idx.IdxLabels;

class MnistDatasetTest {

    private static Dataset tiny() {
        byte[] pixels = IdxFixtures.patternPixels(3, 2, 4);
        pixels[0] = (byte) 255;
        pixels[1] = 0;
        return MnistDataset.of("tiny", new IdxImages(3, 2, 4, pixels), new IdxLabels(new byte[] {2, 0, 1}), 3,
                "made in a test");
    }

    @Test
    void fillsGreyLevelsAsKOver255() {
        Dataset data = tiny();
        float[] out = new float[2 * 8];

        data.fill(new int[] {0, 2}, out, new SplittableRandom(1));

        assertThat(out[0]).isEqualTo(1f);
        assertThat(out[1]).isEqualTo(0f);
        int secondPixelOfImage2 = 2 * 8 + 1;
        assertThat(out[8 + 1]).isEqualTo(((byte) (secondPixelOfImage2 * 7 + 3) & 0xff) / 255f);
        assertThat(data.valueKind()).isEqualTo(ValueKind.EIGHT_BIT);
        assertThat(data.shape()).isEqualTo(new Dataset.Shape(1, 2, 4));
        assertThat(data.dim()).isEqualTo(8);
    }

    @Test
    void exposesLabels() {
        Dataset.Labels labels = tiny().labels().orElseThrow();
        assertThat(labels.classCount()).isEqualTo(3);
        assertThat(labels.label(0)).isEqualTo(2);
        assertThat(labels.label(2)).isEqualTo(1);
    }

    @Test
    void refusesMismatchedImagesAndLabels() {
        IdxImages images = new IdxImages(2, 1, 1, new byte[2]);
        assertThatThrownBy(() -> MnistDataset.of("x", images, new IdxLabels(new byte[3]), 10, ""))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("2 images but 3 labels");
        assertThatThrownBy(() -> MnistDataset.of("x", images, new IdxLabels(new byte[] {0, 10}), 10, ""))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("label 10");
    }
}
