package org.vaelab.objective;

import org.vaelab.tensor.Tensor;

/** A positive-definite kernel for {@link Mmd}, evaluated between every row of two sample matrices. */
public interface MmdKernel {

    /** k(a_i, b_j) for a [n, d] and b [m, d]: shape [n, m]. */
    Tensor matrix(Tensor a, Tensor b);

    /** [n, m, d]: (a_i - b_j)^2 per coordinate. */
    static Tensor squaredDifferences(Tensor a, Tensor b) {
        return a.unsqueeze(1).sub(b.unsqueeze(0)).square();
    }
}
