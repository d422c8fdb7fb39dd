package org.vaelab.dist;

import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Binary vectors [N, D] with p(x) = prod_i Bernoulli(x_i; sigmoid(l_i(x_<i))): what an autoregressive decoder
 * (a PixelCNN conditioned on z) returns. {@link #logProb} runs the network once on x itself, every pixel's logit
 * reading x's earlier pixels in the same parallel pass; {@link #sample} generates pixel by pixel, D passes. Only
 * [N, D] values are accepted (no extra leading dimensions): N is the batch the conditioning was built for.
 */
public final class AutoregressiveBernoulli implements Distribution {

    /** The network with its conditioning bound: logits whose entry i depends on x's entries before i only. */
    public interface Conditionals {
        /** Logits [N, D] for x [N, D], all pixels in one pass. */
        Tensor logits(Tensor x);

        /** The logit [N, 1] of entry {@code index}; override when it is cheaper than a full pass. */
        default Tensor logitAt(Tensor x, int index) {
            return logits(x).narrow(1, index, 1);
        }
    }

    private final Conditionals network;
    private final long batch;
    private final int dim;

    public AutoregressiveBernoulli(Conditionals network, long batch, int dim) {
        this.network = network;
        this.batch = batch;
        this.dim = dim;
    }

    /** Per-pixel logits given x's own earlier pixels (teacher forcing), [N, D]. */
    public Tensor logits(Tensor x) {
        return network.logits(x);
    }

    /** sum_i x_i l_i - softplus(l_i), the stable Bernoulli log-likelihood, with l read from x itself. */
    @Override
    public Tensor logProb(Tensor value) {
        if (value.rank() != 2 || value.size(0) != batch || value.size(1) != dim) {
            throw new IllegalArgumentException("autoregressive log-probability needs values [" + batch + ", " + dim
                    + "], got " + value);
        }
        Tensor l = network.logits(value);
        return value.mul(l).sub(l.softplus()).sum(-1);
    }

    /**
     * An exact draw, pixel by pixel in raster order: x_i = [u_i < sigmoid(l_i(x_<i))] with uniform noise u drawn
     * once up front, so each pass fills exactly one pixel and earlier ones never change. No gradient path.
     */
    @Override
    public Tensor sample() {
        try (NoGrad ignored = NoGrad.open()) {
            Tensor uniform = Tensor.rand(batch, dim);
            Tensor x = Tensor.zeros(batch, dim);
            for (int i = 0; i < dim; i++) {
                // Each pass's intermediates die with its scope; only the written pixel survives, inside x.
                try (Scope pass = Scope.open()) {
                    Tensor probability = network.logitAt(x, i).sigmoid();
                    x.narrow(1, i, 1).assign(uniform.narrow(1, i, 1).sub(probability).lessThan(0).toFloat());
                }
            }
            return x;
        }
    }

    /**
     * There is no closed-form mean of an autoregressive distribution. This returns the per-pixel probabilities
     * sigmoid(l_i(x~_<i)) along one sampled image x~ (D passes): a sharp, coherent picture of what the model
     * expects, where each pixel shows its own uncertainty given what was drawn before it.
     */
    @Override
    public Tensor mean() {
        Tensor drawn = sample();
        return network.logits(drawn).sigmoid();
    }
}
