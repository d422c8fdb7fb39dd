package org.vaelab.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Tensor.conv2d's output and gradients against a convolution written out in plain loops, on the shapes whose
 * gradients oneDNN got wrong on one CPU (few output channels) and on the conv encoder's strided shape.
 */
class Conv2dGradientTest {

    @Test
    void oneOutputChannelFiveByFive() {
        check(4, 1, 1, 5, 1, 2, 7);
    }

    @Test
    void fewOutputChannelsThreeByThree() {
        check(8, 32, 4, 3, 1, 1, 16);
    }

    @Test
    void stridedFourByFourAsInTheEncoder() {
        check(3, 2, 5, 4, 2, 1, 8);
    }

    /** Loss sum(y * r) for a fixed r, so dL/dy = r and the gradients have simple loop forms. */
    private static void check(int batch, int in, int out, int kernel, int stride, int padding, int side) {
        int outSide = (side + 2 * padding - kernel) / stride + 1;
        float[] x = waves(batch * in * side * side, 0.1);
        float[] w = waves(out * in * kernel * kernel, 0.7);
        float[] b = waves(out, 1.9);
        float[] r = waves(batch * out * outSide * outSide, 2.3);
        double[] y = new double[r.length];
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < outSide; i++) {
                    for (int j = 0; j < outSide; j++) {
                        int yAt = ((n * out + o) * outSide + i) * outSide + j;
                        y[yAt] = b[o];
                        for (int c = 0; c < in; c++) {
                            for (int u = 0; u < kernel; u++) {
                                for (int v = 0; v < kernel; v++) {
                                    int row = i * stride - padding + u;
                                    int col = j * stride - padding + v;
                                    if (row < 0 || row >= side || col < 0 || col >= side) {
                                        continue;
                                    }
                                    int xAt = ((n * in + c) * side + row) * side + col;
                                    int wAt = ((o * in + c) * kernel + u) * kernel + v;
                                    y[yAt] += w[wAt] * x[xAt];
                                    dx[xAt] += w[wAt] * r[yAt];
                                    dw[wAt] += x[xAt] * r[yAt];
                                }
                            }
                        }
                    }
                }
            }
        }
        try (Scope s = Scope.open()) {
            Tensor input = Tensor.of(x, batch, in, side, side).requiresGrad();
            Tensor weight = Tensor.of(w, out, in, kernel, kernel).requiresGrad();
            Tensor output = input.conv2d(weight, Tensor.of(b, out), stride, padding);
            output.mul(Tensor.of(r, batch, out, outSide, outSide)).sum().backward();
            assertClose("output", output.toFloats(), y);
            assertClose("input gradient", input.grad().toFloats(), dx);
            assertClose("weight gradient", weight.grad().toFloats(), dw);
        }
    }

    /** Within float32 rounding of sums of thousands of terms, relative to the array's largest value. */
    private static void assertClose(String what, float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        double largest = 0;
        for (double value : expected) {
            largest = Math.max(largest, Math.abs(value));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(1e-4 * (1 + largest)));
        }
    }

    private static float[] waves(int count, double phase) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) Math.sin(0.9 * i + phase);
        }
        return values;
    }
}
