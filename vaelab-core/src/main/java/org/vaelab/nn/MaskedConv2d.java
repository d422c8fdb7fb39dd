package org.vaelab.nn;

import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * A square, odd-sized, stride-1 convolution whose kernel sees only pixels before the centre in raster order
 * (van den Oord et al. 2016, PixelCNN): every row above, and the pixels to the left in the centre row. Mask A
 * also hides the centre pixel (the first layer, which must not see the pixel it predicts); mask B keeps it (later
 * layers, whose centre feature already depends on earlier pixels only). Images have one channel, so there is no
 * colour-channel masking. The weight is multiplied by the mask on every forward pass, so masked weights receive
 * exactly zero gradient and stay inert whatever the optimizer does.
 */
public final class MaskedConv2d implements Layer {

    /** Which kernel positions a masked convolution reads. */
    public enum Mask {
        /** Strictly earlier pixels only: for the layer that reads the image. */
        A,
        /** Earlier pixels and the centre: for layers that read features. */
        B;

        /** Whether the tap at row offset {@code dr} and column offset {@code dc} from the centre is kept. */
        public boolean allows(int dr, int dc) {
            if (dr != 0) {
                return dr < 0;
            }
            return dc < 0 || (dc == 0 && this == B);
        }
    }

    private final Tensor weight;
    private final Tensor bias;
    private final Tensor mask;
    private final Mask type;
    private final int kernel;

    public MaskedConv2d(ParameterSet parameters, String name, Mask type, int in, int out, int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("a masked convolution needs an odd kernel size, got " + kernel);
        }
        this.type = type;
        this.kernel = kernel;
        float[] taps = new float[kernel * kernel];
        int kept = 0;
        int centre = kernel / 2;
        for (int r = 0; r < kernel; r++) {
            for (int c = 0; c < kernel; c++) {
                if (type.allows(r - centre, c - centre)) {
                    taps[r * kernel + c] = 1;
                    kept++;
                }
            }
        }
        // PyTorch's default bound 1/sqrt(fan_in), counting only the taps the mask keeps: the effective fan-in.
        double bound = 1.0 / Math.sqrt((double) in * Math.max(1, kept));
        ParameterSet own = parameters.child(name);
        this.weight = own.parameter("weight", Tensor.uniform(-bound, bound, out, in, kernel, kernel));
        this.bias = own.parameter("bias", Tensor.uniform(-bound, bound, out));
        this.mask = Tensor.of(taps, 1, 1, kernel, kernel);
    }

    public Mask type() {
        return type;
    }

    public int kernel() {
        return kernel;
    }

    /** [N, in, H, W] to [N, out, H, W] (zero padding keeps the size). */
    @Override
    public Tensor forward(Tensor input) {
        return input.conv2d(weight.mul(mask), bias, 1, kernel / 2);
    }

    /** The raw (unmasked) weight parameter, for tests that check masked taps get no gradient. */
    public Tensor weight() {
        return weight;
    }
}
