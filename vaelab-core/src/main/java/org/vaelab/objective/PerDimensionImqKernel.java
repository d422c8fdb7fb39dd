package org.vaelab.objective;

import org.vaelab.tensor.Tensor;

/**
 * The kernel of Mathieu et al. 2019's MMD regulariser (their reference code, regularisers.py): the
 * inverse-multiquadric C / (C + (x_j - y_j)^2) applied to each latent coordinate j separately, with C = 2 * scale,
 * summed over coordinates and over the scales {0.1, 0.2, 0.5, 1, 2, 5}. Being a sum of one-dimensional kernels it
 * compares the marginals of q(z) and p(z) dimension by dimension, not their joint dependence: what the sparse prior
 * asks of each coordinate.
 */
public final class PerDimensionImqKernel implements MmdKernel {
    static final double[] SCALES = {0.1, 0.2, 0.5, 1, 2, 5};

    @Override
    public Tensor matrix(Tensor a, Tensor b) {
        Tensor squared = MmdKernel.squaredDifferences(a, b);
        Tensor sum = null;
        for (double scale : SCALES) {
            double c = 2 * scale;
            // Summing over coordinates before scaling by C keeps one [n, m, d] temporary per scale, not three.
            Tensor term = squared.add(c).pow(-1).sum(-1).mul(c);
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
