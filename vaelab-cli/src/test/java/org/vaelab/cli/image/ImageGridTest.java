package org.vaelab.cli.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.data.Dataset;

class ImageGridTest {

    private static final int SEP = ImageGrid.SEPARATOR_PIXELS;
    private static final int GREY = ImageGrid.SEPARATOR_GREY;

    @TempDir
    Path dir;

    @Test
    void greyImagesAreScaledAndSeparated() throws IOException {
        Dataset.Shape shape = new Dataset.Shape(1, 2, 3);
        // Image k has pixel (y, x) = (k * 6 + y * 3 + x) / 255.
        float[][] images = new float[3][6];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 6; i++) {
                images[k][i] = (k * 6 + i) / 255f;
            }
        }
        Path file = dir.resolve("deep/er/grid.png");

        ImageGrid.write(file, images, shape, 2, 2, 3);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(2 * 3 * 3 + SEP);
        assertThat(png.getHeight()).isEqualTo(2 * 2 * 3 + SEP);
        assertThat(png.getRaster().getNumBands()).isEqualTo(1);
        Raster raster = png.getRaster();
        for (int k = 0; k < 3; k++) {
            int left = (k % 2) * (9 + SEP);
            int top = (k / 2) * (6 + SEP);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 9; x++) {
                    assertThat(raster.getSample(left + x, top + y, 0)).as("image %d at %d,%d", k, x, y)
                            .isEqualTo(k * 6 + (y / 3) * 3 + x / 3);
                }
            }
        }
        for (int y = 0; y < png.getHeight(); y++) {
            assertThat(raster.getSample(9, y, 0)).isEqualTo(GREY);
            assertThat(raster.getSample(10, y, 0)).isEqualTo(GREY);
        }
        // The fourth cell has no image.
        assertThat(raster.getSample(png.getWidth() - 1, png.getHeight() - 1, 0)).isEqualTo(GREY);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void colourImagesAreReadAsChwPlanes() throws IOException {
        Dataset.Shape shape = new Dataset.Shape(3, 1, 2);
        // Pixel 0 is pure red, pixel 1 mixes all channels.
        float[] image = {1f, 0.2f, 0f, 0.4f, 0f, 0.6f};
        Path file = dir.resolve("rgb.png");

        ImageGrid.write(file, new float[][] {image, image}, shape, 1, 2, 1);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(2 * 2 + SEP);
        assertThat(png.getHeight()).isEqualTo(1);
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(png.getRGB(1, 0) & 0xFFFFFF).isEqualTo(51 << 16 | 102 << 8 | 153);
        assertThat(png.getRGB(2, 0) & 0xFFFFFF).isEqualTo(GREY * 0x010101);
        assertThat(png.getRGB(4, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void valuesOutsideTheUnitIntervalAreClamped() {
        BufferedImage grid = ImageGrid.render(new float[][] {{-0.5f, 1.7f, Float.NaN, 0.5f}},
                new Dataset.Shape(1, 1, 4), 1, 1, 1);

        Raster raster = grid.getRaster();
        assertThat(new int[] {raster.getSample(0, 0, 0), raster.getSample(1, 0, 0), raster.getSample(2, 0, 0),
                raster.getSample(3, 0, 0)}).containsExactly(0, 255, 0, 128);
    }

    @Test
    void defaultScaleMakesSmallImagesLegible() {
        assertThat(ImageGrid.defaultScale(new Dataset.Shape(1, 28, 28))).isEqualTo(4);
        assertThat(ImageGrid.defaultScale(new Dataset.Shape(1, 64, 64))).isEqualTo(2);
        assertThat(ImageGrid.defaultScale(new Dataset.Shape(3, 256, 256))).isEqualTo(1);
    }

    @Test
    void defaultScaleIsUsedWhenNoneIsGiven() throws IOException {
        Path file = dir.resolve("mnist.png");

        ImageGrid.write(file, new float[][] {new float[784], new float[784]}, new Dataset.Shape(1, 28, 28), 1, 2);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(2 * 112 + SEP);
        assertThat(png.getHeight()).isEqualTo(112);
    }

    @Test
    void rejectsBadInputs() {
        Dataset.Shape shape = new Dataset.Shape(1, 2, 2);
        Path file = dir.resolve("bad.png");

        assertThatThrownBy(() -> ImageGrid.write(file, new float[][] {new float[4], new float[3]}, shape, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image 1 has 3 values");
        assertThatThrownBy(() -> ImageGrid.write(file, new float[5][4], shape, 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> ImageGrid.write(file, new float[1][8], new Dataset.Shape(2, 2, 2), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 3 channels");
        assertThatThrownBy(() -> ImageGrid.write(file, new float[1][4], shape, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }
}
