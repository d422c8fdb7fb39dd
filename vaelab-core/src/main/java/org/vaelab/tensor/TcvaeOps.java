package org.vaelab.tensor;

import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Engine operations the beta-TCVAE decomposition needs that {@link Tensor} does not have yet; to be folded into
 * Tensor later.
 */
public final class TcvaeOps {
    private TcvaeOps() {
    }

    /**
     * The same values in float64. Every Tensor method works on the result (libtorch keeps the dtype, and
     * {@link Tensor#toFloat()} converts back); it exists for sums whose terms cancel, such as an expanded square.
     */
    public static Tensor toDouble(Tensor x) {
        return new Tensor(x.t.to(ScalarType.Double));
    }
}
