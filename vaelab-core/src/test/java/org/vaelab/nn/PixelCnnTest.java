package org.vaelab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

class PixelCnnTest {
    private static final Shape IMAGE = new Shape(1, 8, 8);

    @Test
    void everyOutputReadsExactlyItsStatedWindow() {
        for (int r = 1; r <= 3; r++) {
            Engine.seed(10 + r);
            PixelCnn net = new PixelCnn(new ParameterSet(), "pixelcnn", IMAGE, r, 6, 3);
            boolean[][] window = net.window();
            for (int pixel = 0; pixel < IMAGE.size(); pixel++) {
                float[] grad = inputGradient(net, pixel);
                int row = pixel / IMAGE.width();
                int col = pixel % IMAGE.width();
                for (int j = 0; j < grad.length; j++) {
                    int dr = j / IMAGE.width() - row;
                    int dc = j % IMAGE.width() - col;
                    boolean inWindow = dr >= -r && dr <= 0 && Math.abs(dc) <= r && window[dr + r][dc + r];
                    if (inWindow) {
                        assertThat(grad[j]).as("R=%d pixel %d reads offset (%d,%d)", r, pixel, dr, dc).isNotZero();
                    } else {
                        assertThat(grad[j]).as("R=%d pixel %d must not read offset (%d,%d)", r, pixel, dr, dc)
                                .isZero();
                    }
                }
            }
        }
    }

    @Test
    void windowHasTheStackedMaskShapeWithItsBlindSpot() {
        PixelCnn net = new PixelCnn(new ParameterSet(), "pixelcnn", new Shape(1, 28, 28), 6, 4, 0);
        boolean[][] w = net.window();
        int r = 6;
        for (int k = 1; k <= r; k++) {
            for (int dc = -r; dc <= r; dc++) {
                assertThat(w[r - k][dc + r]).as("row -%d column %d", k, dc).isEqualTo(dc <= k);
            }
        }
        for (int dc = -r; dc <= r; dc++) {
            assertThat(w[r][dc + r]).as("own row column %d", dc).isEqualTo(dc < 0);
        }
        // R + sum_k (R + k + 1) = R + 3R(R+1)/2 pixels: 69 for VLAE's six layers.
        assertThat(net.windowSize()).isEqualTo(69);
        String description = net.describeWindow();
        assertThat(description).contains("receptive field 6").contains("69 earlier pixels");
        assertThat(description.lines().skip(1).toList()).containsExactly(
                "  xxxxxxxxxxxxx", "  xxxxxxxxxxxx.", "  xxxxxxxxxxx..", "  xxxxxxxxxx...", "  xxxxxxxxx....",
                "  xxxxxxxx.....", "  xxxxxxo......");
    }

    @Test
    void croppedLogitOfOnePixelEqualsTheFullPass() {
        Engine.seed(4);
        PixelCnn net = new PixelCnn(new ParameterSet(), "pixelcnn", IMAGE, 2, 5, 2);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor x = Tensor.rand(3, IMAGE.size()).lessThan(0.5).toFloat();
            PixelCnn.Conditioning c = net.condition(Tensor.randn(3, 2));
            float[][] full = net.logits(x, c).toMatrix();
            for (int i = 0; i < IMAGE.size(); i++) {
                float[] one = net.logitAt(x, c, i).toFloats();
                for (int b = 0; b < 3; b++) {
                    assertThat(one[b]).as("pixel %d example %d", i, b).isCloseTo(full[b][i], within(1e-5f));
                }
            }
        }
    }

    @Test
    void theCodeReachesEveryPixel() {
        Engine.seed(5);
        PixelCnn net = new PixelCnn(new ParameterSet(), "pixelcnn", IMAGE, 1, 4, 3);
        try (Scope s = Scope.open()) {
            Tensor z = Tensor.randn(1, 3).requiresGrad();
            Tensor logits = net.logits(Tensor.zeros(1, IMAGE.size()), net.condition(z));
            for (int i : new int[] {0, 9, 63}) {
                Tensor leaf = Tensor.of(z.toFloats(), 1, 3).requiresGrad();
                net.logits(Tensor.zeros(1, IMAGE.size()), net.condition(leaf)).narrow(1, i, 1).sum().backward();
                assertThat(leaf.grad().abs().sum().item()).as("pixel %d", i).isGreaterThan(0);
            }
            assertThat(logits.shape()).containsExactly(1, IMAGE.size());
        }
    }

    @Test
    void receptiveFieldOutsideOneToImageSizeIsRejectedNamingTheFlag() {
        Shape mnist = new Shape(1, 28, 28);
        for (int bad : new int[] {0, -2, 28, 40}) {
            assertThatThrownBy(() -> new PixelCnn(new ParameterSet(), "p", mnist, bad, 4, 0))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("--receptive-field")
                    .hasMessageContaining(String.valueOf(bad))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(new PixelCnn(new ParameterSet(), "p", mnist, 27, 1, 0).receptiveField()).isEqualTo(27);
    }

    private static float[] inputGradient(PixelCnn net, int pixel) {
        try (Scope s = Scope.open()) {
            float[] values = new float[IMAGE.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i * 7 + 3) % 5 < 2 ? 1 : 0;
            }
            Tensor x = Tensor.of(values, 1, IMAGE.size()).requiresGrad();
            Tensor z = Tensor.of(new float[] {0.3f, -1.2f, 0.8f}, 1, 3);
            net.logits(x, net.condition(z)).narrow(1, pixel, 1).sum().backward();
            return x.grad().toFloats();
        }
    }
}
