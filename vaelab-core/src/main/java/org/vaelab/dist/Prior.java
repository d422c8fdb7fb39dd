package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/**
 * The prior p(z) over the latent space: a density with a sampler, not conditioned on data. Priors with
 * learnable parameters register them in the model's ParameterSet when built.
 */
public interface Prior extends Density {

    int dim();

    /** {@code count} independent samples, shape [count, dim]. */
    Tensor sample(long count);
}
