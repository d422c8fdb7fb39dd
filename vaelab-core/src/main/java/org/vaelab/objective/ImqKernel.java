package org.vaelab.objective;

import org.vaelab.tensor.Tensor;

/**
 * The inverse-multiquadric kernel of the Wasserstein autoencoder (Tolstikhin et al. 2018):
 * sum over scales s of C_s / (C_s + ||x - y||^2) with C_s = 2 * d * sigma^2 * s, where sigma^2 is the prior's
 * variance per dimension and s runs over {0.1, 0.2, 0.5, 1, 2, 5, 10} as in their reference code (wae.py). Its
 * heavy tails keep gradients alive for codes far from the prior's samples, where a Gaussian kernel vanishes.
 */
public final class ImqKernel implements MmdKernel {
    static final double[] SCALES = {0.1, 0.2, 0.5, 1, 2, 5, 10};

    private final double priorVariance;

    public ImqKernel(double priorVariance) {
        if (!(priorVariance > 0) || Double.isInfinite(priorVariance)) {
            throw new IllegalArgumentException("the IMQ kernel's prior variance must be > 0, got " + priorVariance);
        }
        this.priorVariance = priorVariance;
    }

    @Override
    public Tensor matrix(Tensor a, Tensor b) {
        Tensor squaredDistance = MmdKernel.squaredDifferences(a, b).sum(-1);
        double base = 2 * a.size(-1) * priorVariance;
        Tensor sum = null;
        for (double scale : SCALES) {
            double c = base * scale;
            Tensor term = squaredDistance.add(c).pow(-1).mul(c);
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
