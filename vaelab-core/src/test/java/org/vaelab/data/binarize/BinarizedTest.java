package org.vaelab.data.binarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vaelab.data.DatasetValues.fillAll;
import static org.vaelab.data.DatasetValues.mean;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.idx.IdxImages;
import org.vaelab.data.idx.IdxLabels;
import org.vaelab.data.mnist.MnistDataset;
import org.vaelab.data.synthetic.Pinwheel;

class BinarizedTest {

    private static final int SIZE = 300;
    private static final int SIDE = 10;

    /** Grey levels spanning 0..255 with known mean, labelled i mod 10. */
    private static Dataset grey() {
        byte[] pixels = new byte[SIZE * SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i * 37) % 256);
        }
        byte[] labels = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            labels[i] = (byte) (i % 10);
        }
        return MnistDataset.of("grey", new IdxImages(SIZE, SIDE, SIDE, pixels), new IdxLabels(labels), 10, "test");
    }

    @Test
    void staticIsIdenticalAcrossConstructionsAndFills() {
        Dataset a = new StaticBinarized(grey(), 42);
        Dataset b = new StaticBinarized(grey(), 42);

        float[] first = fillAll(a, new SplittableRandom(1));
        assertThat(fillAll(b, new SplittableRandom(2))).isEqualTo(first);
        assertThat(fillAll(a, new SplittableRandom(3))).isEqualTo(first);
        assertThat(fillAll(new StaticBinarized(grey()), new SplittableRandom(1)))
                .isEqualTo(fillAll(new StaticBinarized(grey()), new SplittableRandom(9)));
        assertThat(fillAll(new StaticBinarized(grey(), 43), new SplittableRandom(1))).isNotEqualTo(first);
    }

    @Test
    void staticIsBinaryWithTheSourceMean() {
        Dataset source = grey();
        StaticBinarized binary = new StaticBinarized(source, 7);
        float[] values = fillAll(binary, new SplittableRandom(0));

        assertThat(values).containsOnly(0f, 1f);
        assertThat(mean(values)).isCloseTo(mean(fillAll(source, new SplittableRandom(0))),
                within(0.01));
        assertThat(binary.valueKind()).isEqualTo(ValueKind.BINARY);
        assertThat(binary.shape()).isEqualTo(source.shape());
        assertThat(binary.labels().orElseThrow().label(13)).isEqualTo(3);
        assertThat(binary.provenance()).contains("test").contains("seed 7");
    }

    @Test
    void staticFillOfASubsetMatchesTheFullFill() {
        StaticBinarized binary = new StaticBinarized(grey(), 5);
        float[] all = fillAll(binary, new SplittableRandom(0));
        float[] some = new float[2 * binary.dim()];

        binary.fill(new int[] {299, 17}, some, new SplittableRandom(0));

        int dim = binary.dim();
        for (int j = 0; j < dim; j++) {
            assertThat(some[j]).isEqualTo(all[299 * dim + j]);
            assertThat(some[dim + j]).isEqualTo(all[17 * dim + j]);
        }
    }

    @Test
    void dynamicDiffersBetweenFillsButKeepsTheMean() {
        Dataset source = grey();
        DynamicBinarized binary = new DynamicBinarized(source);
        SplittableRandom rng = new SplittableRandom(11);

        float[] first = fillAll(binary, rng);
        float[] second = fillAll(binary, rng);

        assertThat(first).containsOnly(0f, 1f);
        assertThat(second).isNotEqualTo(first);
        double expected = mean(fillAll(source, new SplittableRandom(0)));
        assertThat(mean(first)).isCloseTo(expected, within(0.01));
        assertThat(mean(second)).isCloseTo(expected, within(0.01));
        assertThat(binary.valueKind()).isEqualTo(ValueKind.BINARY);
    }

    @Test
    void dynamicPerPixelFrequencyFollowsItsGreyLevel() {
        // Pixel value 37*k mod 256 over many fills of one image: frequency of ones approaches the grey level.
        DynamicBinarized binary = new DynamicBinarized(grey());
        SplittableRandom rng = new SplittableRandom(3);
        int dim = binary.dim();
        double[] ones = new double[dim];
        float[] out = new float[dim];
        int fills = 4000;
        for (int f = 0; f < fills; f++) {
            binary.fill(new int[] {0}, out, rng);
            for (int j = 0; j < dim; j++) {
                ones[j] += out[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            double p = ((j * 37) % 256) / 255.0;
            assertThat(ones[j] / fills).isCloseTo(p, within(0.04));
        }
    }

    @Test
    void dynamicIsReproducibleGivenItsGenerator() {
        DynamicBinarized binary = new DynamicBinarized(grey());
        assertThat(fillAll(binary, new SplittableRandom(99))).isEqualTo(fillAll(binary, new SplittableRandom(99)));
    }

    @Test
    void realValuedDataCannotBeBinarised() {
        Pinwheel pinwheel = new Pinwheel(10, 1);
        assertThatThrownBy(() -> new StaticBinarized(pinwheel)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("pinwheel");
        assertThatThrownBy(() -> new DynamicBinarized(pinwheel)).isInstanceOf(UserInputException.class);
    }
}
