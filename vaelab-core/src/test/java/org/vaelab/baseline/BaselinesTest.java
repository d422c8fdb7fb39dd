package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.data.dsprites.DSprites;
import org.vaelab.data.synthetic.Pinwheel;

class BaselinesTest {

    @Test
    void fitsEachNamedBaseline() {
        Dataset images = new Blobs(-1);
        Representation pca = Baselines.fit("pca", images, 3, 0);
        Representation ica = Baselines.fit("ica", images, 3, 0);
        Representation raw = Baselines.fit("raw", images, 3, 0);

        assertThat(pca).isInstanceOf(LinearProjection.class);
        assertThat(((LinearProjection) pca).whitened()).isFalse();
        assertThat(pca.dim()).isEqualTo(3);
        assertThat(pca.fitReport().orElseThrow().samples()).isEqualTo(Blobs.SIZE);
        assertThat(pca.fitReport().orElseThrow().dataset()).isEqualTo("blobs");
        assertThat(ica.name()).isEqualTo("ica");
        assertThat(ica.dim()).isEqualTo(3);
        assertThat(raw).isInstanceOf(RawPixels.class);
        assertThat(raw.dim()).isEqualTo(16);
    }

    @Test
    void drawsTheRequestedNumberOfDistinctImagesReproducibly() {
        TrainingSample first = TrainingSample.draw(new DSprites(), 50, 3);
        TrainingSample second = TrainingSample.draw(new DSprites(), 50, 3);
        assertThat(first.size()).isEqualTo(50);
        assertThat(first.dim()).isEqualTo(4096);
        assertThat(second.images()).isDeepEqualTo(first.images());
        assertThat(first.dataset()).isEqualTo("dsprites");
    }

    @Test
    void rejectsAnUnknownName() {
        assertThatThrownBy(() -> Baselines.fit("nmf", new Blobs(-1), 3, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("unknown baseline 'nmf'; choose one of pca, ica, raw");
    }

    @Test
    void rejectsLatentSizesOutsideOneToThePixelCount() {
        assertThatThrownBy(() -> Baselines.fit("pca", new Blobs(-1), 0, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--latent must be at least 1, got 0");
        assertThatThrownBy(() -> Baselines.fit("ica", new Blobs(-1), 17, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--latent 17 exceeds the 16 pixels of blobs images");
    }

    @Test
    void rejectsMoreComponentsThanTheSampleCanHave() {
        assertThatThrownBy(() -> Baselines.fit("pca", new Blobs(-1), 10, 0, 8))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--latent 10 needs at least 11 images");
    }

    @Test
    void rejectsDataThatIsNotImages() {
        assertThatThrownBy(() -> Baselines.fit("pca", new Pinwheel(100, 0), 2, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--dataset pinwheel holds flat vectors of 2 values, not images");
    }

    @Test
    void rejectsNonFinitePixels() {
        assertThatThrownBy(() -> Baselines.fit("pca", new Blobs(7), 3, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--dataset blobs: image")
                .hasMessageContaining("NaN")
                .hasMessageNotContaining("\n");
    }

    @Test
    void icaRejectsMoreComponentsThanTheImagesVaryAlong() {
        // Blobs vary along 4 directions only (4 blob positions), so 6 unit-variance sources cannot exist.
        assertThatThrownBy(() -> Baselines.fit("ica", new Blobs(-1), 6, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--latent 6 asks for more components than the sampled images vary along");
    }

    /**
     * 4 x 4 grey images, each one of four 2 x 2 blobs at a random brightness, so the data spans 4 directions;
     * image {@code nanImage} (if not negative) holds a NaN.
     */
    private static final class Blobs implements Dataset {
        static final int SIZE = 200;
        private final int nanImage;

        Blobs(int nanImage) {
            this.nanImage = nanImage;
        }

        @Override
        public String name() {
            return "blobs";
        }

        @Override
        public int size() {
            return SIZE;
        }

        @Override
        public Shape shape() {
            return new Shape(1, 4, 4);
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.REAL;
        }

        @Override
        public void fill(int[] indices, float[] out, SplittableRandom rng) {
            Arrays.fill(out, 0, indices.length * 16, 0f);
            for (int i = 0; i < indices.length; i++) {
                SplittableRandom pixels = new SplittableRandom(indices[i]);
                int blob = pixels.nextInt(4);
                float brightness = (float) pixels.nextDouble();
                int top = blob / 2 * 2;
                int left = blob % 2 * 2;
                for (int r = top; r < top + 2; r++) {
                    for (int c = left; c < left + 2; c++) {
                        out[i * 16 + r * 4 + c] = brightness;
                    }
                }
                if (indices[i] == nanImage) {
                    out[i * 16 + 5] = Float.NaN;
                }
            }
        }

        @Override
        public String provenance() {
            return "test blobs";
        }
    }
}
