package org.vaelab.dist;

import org.vaelab.UserInputException;
import org.vaelab.tensor.Tensor;

/**
 * The sparse prior of Mathieu et al. 2019, independent per dimension:
 * gamma * N(0, 0.05^2) + (1 - gamma) * N(0, slab^2). The narrow spike holds a dimension near zero with
 * probability gamma, so codes drawn from it are mostly zeros; gamma = 0 is N(0, slab^2). Their experiments use
 * gamma = 0.8 and a unit slab.
 */
public final class SpikeAndSlabPrior implements Prior {
    /** The spike's standard deviation, fixed at 0.05 in the paper's code. */
    public static final double SPIKE_STD = 0.05;

    private final int dim;
    private final double sparsityGamma;
    private final double slabStd;

    public SpikeAndSlabPrior(int dim, double sparsityGamma) {
        this(dim, sparsityGamma, 1.0);
    }

    public SpikeAndSlabPrior(int dim, double sparsityGamma, double slabStd) {
        if (dim < 1) {
            throw new IllegalArgumentException("latent dimension must be at least 1, got " + dim);
        }
        // gamma = 1 would put all mass in the spike: every code zero, and log(1 - gamma) infinite.
        if (!(sparsityGamma >= 0 && sparsityGamma < 1)) {
            throw new UserInputException("--sparsity-gamma must be in [0, 1), got " + sparsityGamma);
        }
        if (!(slabStd > 0) || Double.isInfinite(slabStd)) {
            throw new UserInputException("the slab's standard deviation (from --prior-variance-scale) must be > 0, got "
                    + slabStd);
        }
        this.dim = dim;
        this.sparsityGamma = sparsityGamma;
        this.slabStd = slabStd;
    }

    public double sparsityGamma() {
        return sparsityGamma;
    }

    @Override
    public int dim() {
        return dim;
    }

    /** Each coordinate independently from the spike with probability gamma, else from the slab. */
    @Override
    public Tensor sample(long count) {
        Tensor spike = Tensor.full(sparsityGamma, count, dim).bernoulli();
        Tensor spikeDraw = Tensor.randn(count, dim).mul(SPIKE_STD);
        Tensor slabDraw = Tensor.randn(count, dim).mul(slabStd);
        return spike.mul(spikeDraw).add(spike.neg().add(1).mul(slabDraw));
    }

    /** Elementwise log density, shape [..., d], by log-sum-exp over the two components. */
    public Tensor logProbPerDim(Tensor value) {
        Tensor slab = gaussianLogPdf(value, slabStd).add(Math.log1p(-sparsityGamma));
        if (sparsityGamma == 0) {
            return slab;
        }
        Tensor spike = gaussianLogPdf(value, SPIKE_STD).add(Math.log(sparsityGamma));
        int last = value.rank();
        return Tensor.cat(last, spike.unsqueeze(last), slab.unsqueeze(last)).logSumExp(last);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerDim(value).sum(-1);
    }

    private static Tensor gaussianLogPdf(Tensor value, double std) {
        return value.div(std).square().add(DiagonalGaussian.LOG_2PI + 2 * Math.log(std)).mul(-0.5);
    }
}
