package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/** Closed-form KL divergences between diagonal Gaussians. */
final class GaussianKl {
    private GaussianKl() {
    }

    /** KL(N(m, s^2) || N(0, 1)) = 0.5 * (m^2 + s^2 - 1 - log s^2) per dimension. */
    static KlTerm toStandardNormal(DiagonalGaussian q) {
        Tensor perDim = q.mean().square().add(q.logVar().exp()).sub(1).sub(q.logVar()).mul(0.5);
        return new KlTerm(perDim.sum(-1), perDim, true);
    }

    /** KL(N(m1, v1) || N(m2, v2)) = 0.5 * (log v2 - log v1 + (v1 + (m1 - m2)^2) / v2 - 1) per dimension. */
    static KlTerm between(DiagonalGaussian q, DiagonalGaussian p) {
        Tensor varianceRatio = q.logVar().sub(p.logVar()).exp();
        Tensor meanTerm = q.mean().sub(p.mean()).square().mul(p.logVar().neg().exp());
        Tensor perDim = varianceRatio.add(meanTerm).sub(1).sub(q.logVar().sub(p.logVar())).mul(0.5);
        return new KlTerm(perDim.sum(-1), perDim, true);
    }
}
