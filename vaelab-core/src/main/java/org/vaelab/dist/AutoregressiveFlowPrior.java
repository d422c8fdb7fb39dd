package org.vaelab.dist;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.nn.Made;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * The autoregressive-flow prior of VLAE (Chen et al. 2017): z is N(0, I) noise passed through K autoregressive
 * layers, layer k computing y_k,i = mu_k,i(y_k,<i) + sigma_k,i(y_k,<i) * y_k-1,i with a MADE, y_0 = eps, z = y_K.
 * Orderings alternate natural and reversed between layers, so every dimension conditions on every other somewhere.
 *
 * <p>Density, one parallel pass per layer: each layer inverts in parallel, y_k-1 = (y_k - mu_k(y_k)) / sigma_k(y_k)
 * (mu and sigma read y_k's earlier dimensions, which are known), so
 * log p(z) = log N(y_0; 0, I) - sum_k sum_i log sigma_k,i. Sampling runs the other way, d passes per layer.
 *
 * <p>{@code meanOnly} fixes sigma = 1 (a volume-preserving flow): VLAE's MNIST experiments used this "mean-only"
 * AF prior as more stable. With 0 layers the prior is N(0, I). Accepts z [..., d] with any leading dimensions.
 */
public final class AutoregressiveFlowPrior implements Prior {
    private final int dim;
    private final boolean meanOnly;
    private final List<Made> layers = new ArrayList<>();

    /**
     * @param flowLayers K >= 0 (--flow-layers)
     * @param hidden     MADE hidden widths per layer (VLAE: two layers of 640 for a 64-d code)
     */
    public AutoregressiveFlowPrior(ParameterSet parameters, String name, int dim, int flowLayers, int[] hidden,
                                   boolean meanOnly) {
        checkFlowLayers(flowLayers);
        if (dim < 1) {
            throw new IllegalArgumentException("latent dimension must be at least 1, got " + dim);
        }
        this.dim = dim;
        this.meanOnly = meanOnly;
        ParameterSet own = parameters.child(name);
        int[] ordering = Made.naturalOrdering(dim);
        for (int k = 0; k < flowLayers; k++) {
            layers.add(new Made(own, "flow" + k, ordering, hidden, 0));
            ordering = Made.reversed(ordering);
        }
    }

    public static void checkFlowLayers(int flowLayers) {
        if (flowLayers < 0) {
            throw new UserInputException("--flow-layers must be at least 0 (0 gives the N(0, I) prior), got "
                    + flowLayers);
        }
    }

    @Override
    public int dim() {
        return dim;
    }

    public int flowLayers() {
        return layers.size();
    }

    public boolean meanOnly() {
        return meanOnly;
    }

    @Override
    public Tensor logProb(Tensor z) {
        Tensor y = z;
        Tensor logScaleSum = null;
        for (int k = layers.size() - 1; k >= 0; k--) {
            Made.Output out = layers.get(k).forward(y);
            if (meanOnly) {
                y = y.sub(out.shift());
            } else {
                y = y.sub(out.shift()).mul(out.logScale().neg().exp());
                Tensor sum = out.logScale().sum(-1);
                logScaleSum = logScaleSum == null ? sum : logScaleSum.add(sum);
            }
        }
        Tensor base = y.square().add(DiagonalGaussian.LOG_2PI).mul(-0.5).sum(-1);
        return logScaleSum == null ? base : base.sub(logScaleSum);
    }

    /** The noise eps that the flow maps to z, in one parallel pass: the density's change of variables. */
    Tensor noise(Tensor z) {
        Tensor y = z;
        for (int k = layers.size() - 1; k >= 0; k--) {
            Made.Output out = layers.get(k).forward(y);
            y = meanOnly ? y.sub(out.shift()) : y.sub(out.shift()).mul(out.logScale().neg().exp());
        }
        return y;
    }

    @Override
    public Tensor sample(long count) {
        try (NoGrad ignored = NoGrad.open()) {
            return transform(Tensor.randn(count, dim));
        }
    }

    /**
     * Pushes noise [N, d] through the flow. Each layer is solved by d fixed-point passes: after pass t the first t
     * dimensions in the layer's order are final, because dimension t reads only dimensions before it. No gradient.
     */
    Tensor transform(Tensor eps) {
        try (NoGrad ignored = NoGrad.open()) {
            Tensor y = eps;
            for (Made layer : layers) {
                Tensor previous = y;
                Tensor next = previous.mul(1.0);
                for (int pass = 0; pass < dim; pass++) {
                    try (Scope scope = Scope.open()) {
                        Made.Output out = layer.forward(next);
                        Tensor value = meanOnly ? out.shift().add(previous)
                                : out.shift().add(out.logScale().exp().mul(previous));
                        next.assign(value);
                    }
                }
                y = next;
            }
            return y;
        }
    }
}
