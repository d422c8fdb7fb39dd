package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/**
 * A batch of distributions over vectors, following torch.distributions: parameters have shape [B, d] (or
 * broadcast to it), samples have shape [B, d], and {@link #logProb} sums over the event dimension d.
 */
public interface Distribution extends Density {

    /** A sample without a path for gradients. */
    Tensor sample();

    /** A reparameterised sample, differentiable with respect to the parameters. */
    default Tensor rsample() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no reparameterised sampler");
    }

    /** {@code count} reparameterised samples stacked in a new leading dimension: [count, B, d]. */
    default Tensor rsample(long count) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no reparameterised sampler");
    }

    /** The expected value, shape [B, d]; for images it is what a reconstruction shows. */
    Tensor mean();

    /** Differential (or discrete) entropy per batch element, shape [B]. */
    default Tensor entropy() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed-form entropy");
    }
}
