package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/**
 * A mixture of K discretised logistics per 8-bit value (Salimans et al. 2017, PixelCNN++): value k/255 in [0, 1]
 * has probability sum_j pi_j P_j(k/255), where P_j integrates component j's logistic over the value's bin exactly as
 * {@link DiscretisedLogistic} does (bins of width 1/255 centred on the levels, the end bins taking the tails). So
 * the probabilities of the 256 levels sum to one, and with K = 1 this is the discretised logistic itself.
 *
 * <p>Parameters have shape [..., K, D]: the components on the second-to-last dimension, the values on the last.
 * The log-probability is log-sum-exp over components of log pi_j + log P_j, with log pi the log-softmax of the
 * mixture logits, so no probability is ever formed outside the log domain.
 */
public final class DiscretisedLogisticMixture implements Distribution {
    private final Tensor logWeights;
    private final Tensor means;
    private final Tensor logScales;
    private final int components;

    /**
     * @param logits    unnormalised log mixture weights [..., K, D]
     * @param means     component means [..., K, D], on the [0, 1] scale of the data
     * @param logScales component log-scales [..., K, D], clamped below at -7 as in the single logistic
     */
    public DiscretisedLogisticMixture(Tensor logits, Tensor means, Tensor logScales) {
        if (logits.rank() < 2) {
            throw new IllegalArgumentException("mixture parameters need shape [..., K, D], got " + logits);
        }
        this.components = (int) logits.size(-2);
        this.logWeights = logits.logSoftmax(logits.rank() - 2);
        this.means = means;
        this.logScales = logScales.clampMin(DiscretisedLogistic.MIN_LOG_SCALE);
    }

    /**
     * Reads [..., 3K, D] parameter maps: rows 0..K-1 are the mixture logits, K..2K-1 the means and 2K..3K-1 the
     * log-scales (what an autoregressive network emits per pixel).
     */
    public static DiscretisedLogisticMixture fromComponentMaps(Tensor maps, int components) {
        int dim = maps.rank() - 2;
        if (dim < 0 || maps.size(dim) != 3L * components) {
            throw new IllegalArgumentException("expected [..., " + 3 * components + ", D] parameters for "
                    + components + " components, got " + maps);
        }
        return new DiscretisedLogisticMixture(maps.narrow(dim, 0, components),
                maps.narrow(dim, components, components), maps.narrow(dim, 2L * components, components));
    }

    /**
     * Splits flat [..., 3K * D] network output into 3K contiguous blocks of D values, in the order of
     * {@link #fromComponentMaps}: K blocks of logits, K of means, K of log-scales.
     */
    public static DiscretisedLogisticMixture fromConcatenated(Tensor output, int components) {
        long[] shape = output.shape();
        long width = shape[shape.length - 1];
        if (components < 1 || width % (3L * components) != 0) {
            throw new IllegalArgumentException("network output of width " + width + " does not split into "
                    + 3 * components + " blocks");
        }
        long[] maps = new long[shape.length + 1];
        System.arraycopy(shape, 0, maps, 0, shape.length - 1);
        maps[shape.length - 1] = 3L * components;
        maps[shape.length] = width / (3L * components);
        return fromComponentMaps(output.reshape(maps), components);
    }

    public int components() {
        return components;
    }

    /** log P(value) of each value [..., D] separately, shape [..., D]. */
    public Tensor logProbPerValue(Tensor value) {
        Tensor perComponent = DiscretisedLogistic.logBinProbabilities(value.unsqueeze(value.rank() - 1), means,
                logScales);
        return perComponent.add(logWeights).logSumExp(perComponent.rank() - 2);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerValue(value).sum(-1);
    }

    /**
     * The weighted average of the component means, each clamped to [0, 1] first: exact for components well inside
     * the range and narrow against a bin, and a good approximation otherwise (a component far beyond an edge puts
     * its mass on that edge's level). Always in [0, 1]; with K = 1 it is {@link DiscretisedLogistic#mean()}.
     */
    @Override
    public Tensor mean() {
        return means.clamp(0, 1).mul(logWeights.exp()).sum(means.rank() - 2);
    }

    /** Picks a component per value (Gumbel-max on the log weights), draws its logistic and rounds to a level. */
    @Override
    public Tensor sample() {
        long[] perValue = logisticShape();
        return sample(Tensor.uniform(1e-6, 1 - 1e-6, means.shape()), Tensor.uniform(1e-5, 1 - 1e-5, perValue));
    }

    /**
     * The draw of {@link #sample()} with its uniform noise given: {@code componentNoise} [..., K, D] chooses the
     * component (the largest log pi_j - log(-log u_j)), {@code logisticNoise} [..., D] is pushed through the chosen
     * logistic's inverse CDF, mu + s log(u / (1 - u)). Clamped to [0, 1] and rounded to the nearest k/255, which puts
     * each draw in the bin whose probability {@link #logProb} charges, the tails in the end bins.
     */
    Tensor sample(Tensor componentNoise, Tensor logisticNoise) {
        Tensor gumbel = componentNoise.log().neg().log().neg();
        int k = means.rank() - 2;
        Tensor chosen = logWeights.detach().add(gumbel).oneHotArgmax(k);
        Tensor mean = chosen.mul(means.detach()).sum(k);
        Tensor scale = chosen.mul(logScales.detach()).sum(k).exp();
        Tensor logistic = logisticNoise.log().sub(logisticNoise.neg().log1p());
        Tensor x = mean.add(scale.mul(logistic)).clamp(0, 1);
        return x.mul(255).add(0.5).floor().div(255).detach();
    }

    private long[] logisticShape() {
        long[] shape = means.shape();
        long[] out = new long[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, shape.length - 2);
        out[out.length - 1] = shape[shape.length - 1];
        return out;
    }
}
