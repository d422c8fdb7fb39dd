package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/** The isotropic prior N(0, I) of the standard VAE. */
public final class StandardNormal implements Prior {
    private final int dim;

    public StandardNormal(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("latent dimension must be at least 1, got " + dim);
        }
        this.dim = dim;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public Tensor sample(long count) {
        return Tensor.randn(count, dim);
    }

    /** Elementwise log N(value; 0, 1). */
    public Tensor logProbPerDim(Tensor value) {
        return value.square().add(DiagonalGaussian.LOG_2PI).mul(-0.5);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerDim(value).sum(-1);
    }
}
