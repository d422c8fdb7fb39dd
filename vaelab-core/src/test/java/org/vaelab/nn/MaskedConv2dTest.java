package org.vaelab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** Each output of a masked convolution depends on exactly the taps its mask keeps, checked by autograd. */
class MaskedConv2dTest {
    private static final int SIDE = 7;

    @Test
    void maskAReadsStrictlyEarlierPixelsOfItsKernel() {
        for (int kernel : new int[] {3, 5}) {
            checkSupport(MaskedConv2d.Mask.A, kernel);
        }
    }

    @Test
    void maskBAlsoReadsTheCentrePixel() {
        for (int kernel : new int[] {3, 5}) {
            checkSupport(MaskedConv2d.Mask.B, kernel);
        }
    }

    @Test
    void maskedWeightsGetExactlyZeroGradient() {
        Engine.seed(2);
        MaskedConv2d conv = new MaskedConv2d(new ParameterSet(), "conv", MaskedConv2d.Mask.A, 2, 3, 5);
        try (Scope s = Scope.open()) {
            conv.forward(Tensor.randn(4, 2, SIDE, SIDE)).square().sum().backward();
            float[] grad = conv.weight().grad().toFloats();
            int taps = 25;
            for (int i = 0; i < grad.length; i++) {
                int tap = i % taps;
                boolean kept = MaskedConv2d.Mask.A.allows(tap / 5 - 2, tap % 5 - 2);
                if (kept) {
                    assertThat(grad[i]).as("kept tap %d", tap).isNotZero();
                } else {
                    assertThat(grad[i]).as("masked tap %d", tap).isZero();
                }
            }
        }
    }

    /** For every output pixel: the gradient is nonzero on the mask's taps inside the image and zero elsewhere. */
    private static void checkSupport(MaskedConv2d.Mask mask, int kernel) {
        Engine.seed(kernel);
        MaskedConv2d conv = new MaskedConv2d(new ParameterSet(), "conv", mask, 1, 1, kernel);
        float[] image = new float[SIDE * SIDE];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) Math.sin(i + 0.5);
        }
        int half = kernel / 2;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                try (Scope s = Scope.open()) {
                    Tensor x = Tensor.of(image, 1, 1, SIDE, SIDE).requiresGrad();
                    // Squared so the gradient also depends on x, not just on the (constant) weights.
                    conv.forward(x).select(3, c).select(2, r).square().sum().backward();
                    float[] grad = x.grad().toFloats();
                    for (int i = 0; i < grad.length; i++) {
                        int dr = i / SIDE - r;
                        int dc = i % SIDE - c;
                        boolean inKernel = Math.abs(dr) <= half && Math.abs(dc) <= half;
                        if (inKernel && mask.allows(dr, dc)) {
                            assertThat(grad[i]).as("mask %s k%d output (%d,%d) offset (%d,%d)", mask, kernel, r, c, dr, dc)
                                    .isNotZero();
                        } else {
                            assertThat(grad[i]).as("mask %s k%d output (%d,%d) offset (%d,%d)", mask, kernel, r, c, dr, dc)
                                    .isZero();
                        }
                    }
                }
            }
        }
    }
}
