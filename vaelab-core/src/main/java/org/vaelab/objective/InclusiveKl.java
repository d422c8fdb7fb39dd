package org.vaelab.objective;

import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * The inclusive KL(p(z) || q(z)) of Mathieu et al. 2019 (their "kl-inc"), with the aggregate posterior q(z)
 * approximated by the batch's mixture (1/B) sum_j q(z|x_j), estimated as in their reference code
 * (regularisers.py) from B prior samples z_i:
 * (1/B) sum_i [log p(z_i) - log (1/B) sum_j q(z_i|x_j)].
 * Inclusive (mass-covering) means every region the prior covers must be covered by some posterior. The batch
 * mixture over-weights the batch, so the estimate is biased for small B.
 */
public final class InclusiveKl implements Divergence {

    @Override
    public Tensor estimate(ForwardPass pass) {
        long batch = pass.batchSize();
        Tensor samples = pass.prior().sample(batch);
        Tensor logPrior = pass.prior().logProb(samples);
        // [B, 1, d] against posteriors of batch shape [B, d] broadcasts to log q(z_i | x_j) at [i, j].
        Tensor logPosteriors = pass.posterior().logProb(samples.unsqueeze(1));
        Tensor logMixture = logPosteriors.logSumExp(1).sub(Math.log(batch));
        return logPrior.sub(logMixture).mean();
    }
}
