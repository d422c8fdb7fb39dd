package org.vaelab.objective;

import org.vaelab.tensor.Tensor;

/**
 * The Gaussian kernel exp(-||x - y||^2 / (2 d sigma^2)) for InfoVAE's MMD (Zhao et al. 2019), with the width set by
 * the prior's variance per dimension sigma^2 and the latent dimension d, the same convention as the IMQ kernel's C.
 * Zhao et al.'s reference code divides by d^2 instead (sigma^2 = d / 2 here); the two agree at d = 2.
 */
public final class RbfKernel implements MmdKernel {
    private final double priorVariance;

    public RbfKernel(double priorVariance) {
        if (!(priorVariance > 0) || Double.isInfinite(priorVariance)) {
            throw new IllegalArgumentException("the RBF kernel's prior variance must be > 0, got " + priorVariance);
        }
        this.priorVariance = priorVariance;
    }

    @Override
    public Tensor matrix(Tensor a, Tensor b) {
        Tensor squaredDistance = MmdKernel.squaredDifferences(a, b).sum(-1);
        return squaredDistance.mul(-1.0 / (2 * a.size(-1) * priorVariance)).exp();
    }
}
