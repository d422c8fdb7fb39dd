package org.vaelab.objective;

import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * The "free bits" KL of Kingma et al. 2016 (IAF paper, eq. 15): sum over latent groups of max(lambda, E_batch[KL_j]),
 * so the optimizer gains nothing by squeezing a group's KL below lambda nats and cannot collapse it early. The
 * groups are the latent dimensions when the KL splits by dimension; otherwise (flows, whose KL is a Monte-Carlo
 * estimate of the whole code) the code is one group allowed lambda * d nats.
 */
final class FreeBits {
    private FreeBits() {
    }

    /** The penalised KL, a scalar; its gradient is zero for every group below its allowance. */
    static Tensor kl(ForwardPass pass, double lambda) {
        Tensor perDimension = pass.kl().perDimension();
        if (perDimension != null) {
            return perDimension.mean(0).clampMin(lambda).sum();
        }
        return pass.kl().total().mean().clampMin(lambda * pass.z().size(-1));
    }
}
