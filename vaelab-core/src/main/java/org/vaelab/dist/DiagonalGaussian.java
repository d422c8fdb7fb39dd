package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/** Independent Gaussians N(mean, exp(logVar)) per dimension; the VAE posterior and the Gaussian likelihood. */
public final class DiagonalGaussian implements Distribution {
    static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Tensor mean;
    private final Tensor logVar;

    public DiagonalGaussian(Tensor mean, Tensor logVar) {
        this.mean = mean;
        this.logVar = logVar;
    }

    /** Splits [B, 2d] network output into mean (first half) and log-variance (second half). */
    public static DiagonalGaussian fromConcatenated(Tensor meanAndLogVar) {
        long d = meanAndLogVar.size(-1) / 2;
        int last = meanAndLogVar.rank() - 1;
        return new DiagonalGaussian(meanAndLogVar.narrow(last, 0, d), meanAndLogVar.narrow(last, d, d));
    }

    public Tensor logVar() {
        return logVar;
    }

    public Tensor std() {
        return logVar.mul(0.5).exp();
    }

    @Override
    public Tensor mean() {
        return mean;
    }

    @Override
    public Tensor sample() {
        return rsample().detach();
    }

    @Override
    public Tensor rsample() {
        return mean.add(std().mul(Tensor.randn(mean.shape())));
    }

    @Override
    public Tensor rsample(long count) {
        long[] s = mean.shape();
        long[] withCount = new long[s.length + 1];
        withCount[0] = count;
        System.arraycopy(s, 0, withCount, 1, s.length);
        return mean.add(std().mul(Tensor.randn(withCount)));
    }

    /** Elementwise log-density, shape broadcast of value and parameters. */
    public Tensor logProbPerDim(Tensor value) {
        Tensor diff = value.sub(mean);
        return diff.square().mul(logVar.neg().exp()).add(logVar).add(LOG_2PI).mul(-0.5);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerDim(value).sum(-1);
    }

    @Override
    public Tensor entropy() {
        return logVar.add(1 + LOG_2PI).mul(0.5).sum(-1);
    }
}
