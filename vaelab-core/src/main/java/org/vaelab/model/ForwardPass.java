package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.dist.KlTerm;
import org.vaelab.dist.Prior;
import org.vaelab.tensor.Tensor;

/**
 * Everything one forward pass of a batch produced, for objectives to read: the data x [B, D], the posterior
 * q(z|x), the latent sample z [B, d] (the posterior mean for a deterministic encoder), the likelihood p(x|z),
 * log p(x|z) per example [B], the prior, and KL(q(z|x) || p(z)) per example.
 */
public record ForwardPass(Tensor x, Distribution posterior, Tensor z, Distribution likelihood,
                          Tensor logLikelihood, Prior prior, KlTerm kl) {

    public long batchSize() {
        return x.size(0);
    }
}
