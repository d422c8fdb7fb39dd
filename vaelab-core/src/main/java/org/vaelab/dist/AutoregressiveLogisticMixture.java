package org.vaelab.dist;

import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * 8-bit vectors [N, D] (levels k/255) with p(x) = prod_i p(x_i | x_<i), each conditional a
 * {@link DiscretisedLogisticMixture} of K components whose parameters a network reads from x's earlier entries:
 * the autoregressive 8-bit decoder of PixelCNN++ and VLAE, for one-channel images. As with
 * {@link AutoregressiveBernoulli}, {@link #logProb} is one parallel pass over x itself and {@link #sample} fills
 * one pixel per pass. Only [N, D] values are accepted: N is the batch the conditioning was built for.
 */
public final class AutoregressiveLogisticMixture implements Distribution {

    /** The network with its conditioning bound: parameters whose entry i depends on x's entries before i only. */
    public interface Conditionals {
        /** Mixture parameters [N, 3K, D] for x [N, D] in one pass (logits, means, log-scales; K rows each). */
        Tensor parameters(Tensor x);

        /** The parameters [N, 3K, 1] of entry {@code index}; override when cheaper than a full pass. */
        default Tensor parametersAt(Tensor x, int index) {
            return parameters(x).narrow(2, index, 1);
        }
    }

    private final Conditionals network;
    private final int components;
    private final long batch;
    private final int dim;

    public AutoregressiveLogisticMixture(Conditionals network, int components, long batch, int dim) {
        if (components < 1) {
            throw new IllegalArgumentException("need at least one mixture component, got " + components);
        }
        this.network = network;
        this.components = components;
        this.batch = batch;
        this.dim = dim;
    }

    public int components() {
        return components;
    }

    /** Every pixel's conditional given x's own earlier pixels (teacher forcing), as one mixture over [N, D]. */
    public DiscretisedLogisticMixture conditionals(Tensor x) {
        checkShape(x);
        return DiscretisedLogisticMixture.fromComponentMaps(network.parameters(x), components);
    }

    /** log p(x_i | x_<i) for every pixel, [N, D]: entry i does not depend on x's entries from i + 1 on. */
    public Tensor logProbPerPixel(Tensor x) {
        return conditionals(x).logProbPerValue(x);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerPixel(value).sum(-1);
    }

    /**
     * An exact draw, pixel by pixel in raster order, with all uniform noise drawn up front: pass i reads the
     * pixels already drawn, picks pixel i's component and level, and writes only pixel i. No gradient path.
     */
    @Override
    public Tensor sample() {
        try (NoGrad ignored = NoGrad.open()) {
            Tensor componentNoise = Tensor.uniform(1e-6, 1 - 1e-6, batch, components, dim);
            Tensor logisticNoise = Tensor.uniform(1e-5, 1 - 1e-5, batch, dim);
            Tensor x = Tensor.zeros(batch, dim);
            for (int i = 0; i < dim; i++) {
                // Each pass's intermediates die with its scope; only the written pixel survives, inside x.
                try (Scope pass = Scope.open()) {
                    DiscretisedLogisticMixture pixel = DiscretisedLogisticMixture.fromComponentMaps(
                            network.parametersAt(x, i), components);
                    Tensor drawn = pixel.sample(componentNoise.narrow(2, i, 1), logisticNoise.narrow(1, i, 1));
                    x.narrow(1, i, 1).assign(drawn);
                }
            }
            return x;
        }
    }

    /**
     * No closed form exists; as {@link AutoregressiveBernoulli#mean()} does, this draws one image x~ pixel by pixel
     * and returns each pixel's conditional mean given the pixels drawn before it (D + 1 passes), a coherent picture
     * in which each pixel shows what the model expects there. See {@link DiscretisedLogisticMixture#mean()}.
     */
    @Override
    public Tensor mean() {
        Tensor drawn = sample();
        return conditionals(drawn).mean();
    }

    private void checkShape(Tensor value) {
        if (value.rank() != 2 || value.size(0) != batch || value.size(1) != dim) {
            throw new IllegalArgumentException("autoregressive log-probability needs values [" + batch + ", " + dim
                    + "], got " + value);
        }
    }
}
