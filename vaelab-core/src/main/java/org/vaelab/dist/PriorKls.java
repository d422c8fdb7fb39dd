package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/**
 * Closed-form KL divergences for the structured priors. Only the anisotropic Gaussian has one against the
 * diagonal Gaussian posterior; Student-t, mixture and spike-and-slab priors have none, so the registry falls
 * back to the single-sample Monte-Carlo estimate for them.
 */
public final class PriorKls {
    private PriorKls() {
    }

    /** KL(N(m, s^2) || N(0, v)) = 0.5 * (log v - log s^2 + (s^2 + m^2) / v - 1) per dimension. */
    static KlTerm gaussianToAnisotropic(DiagonalGaussian q, AnisotropicGaussianPrior p) {
        Tensor priorLogVar = p.logVariance();
        Tensor ratio = q.logVar().exp().add(q.mean().square()).mul(priorLogVar.neg().exp());
        Tensor perDim = priorLogVar.sub(q.logVar()).add(ratio).sub(1).mul(0.5);
        return new KlTerm(perDim.sum(-1), perDim, true);
    }
}
