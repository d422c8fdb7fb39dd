package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/**
 * Logistic densities integrated over the 256 bins of 8-bit data scaled to [0, 1] (Salimans et al. 2017,
 * PixelCNN++): each value k/255 owns the interval of width 1/255 around it, and the end bins take the tails
 * so the probabilities of all 256 values sum to one.
 */
public final class DiscretisedLogistic implements Distribution {
    static final double HALF_BIN = 0.5 / 255.0;
    /** Below this bin probability the difference of CDFs loses precision; use the density at the centre. */
    static final double MIN_BIN_PROBABILITY = 1e-5;

    /** Log-scales are clamped here, as in PixelCNN++: a scale of e^-7 is about a quarter of a bin already. */
    static final double MIN_LOG_SCALE = -7.0;

    private final Tensor mean;
    private final Tensor logScale;

    public DiscretisedLogistic(Tensor mean, Tensor logScale) {
        this.mean = mean;
        this.logScale = logScale.clampMin(MIN_LOG_SCALE);
    }

    /** Splits [B, 2D] network output into mean (first half) and log-scale (second half). */
    public static DiscretisedLogistic fromConcatenated(Tensor meanAndLogScale) {
        long d = meanAndLogScale.size(-1) / 2;
        int last = meanAndLogScale.rank() - 1;
        return new DiscretisedLogistic(meanAndLogScale.narrow(last, 0, d), meanAndLogScale.narrow(last, d, d));
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logBinProbabilities(value, mean, logScale).sum(-1);
    }

    /**
     * log P(value) elementwise (no sum), broadcasting value, mean and log-scale: the bin rule shared with
     * {@link DiscretisedLogisticMixture}, so a one-component mixture is exactly this distribution. The log-scale
     * must already be clamped (at -7, as the constructors do).
     */
    static Tensor logBinProbabilities(Tensor value, Tensor mean, Tensor logScale) {
        Tensor inverseScale = logScale.neg().exp();
        Tensor centred = value.sub(mean);
        Tensor upper = inverseScale.mul(centred.add(HALF_BIN));
        Tensor lower = inverseScale.mul(centred.sub(HALF_BIN));
        // log sigmoid(u) for the bottom bin (all mass below its upper edge) ...
        Tensor logCdfUpper = upper.logSigmoid();
        // ... and log(1 - sigmoid(l)) for the top bin (all mass above its lower edge).
        Tensor logOneMinusCdfLower = lower.neg().logSigmoid();
        Tensor binProbability = upper.sigmoid().sub(lower.sigmoid());
        Tensor mid = inverseScale.mul(centred);
        Tensor logDensityAtCentre = mid.sub(logScale).sub(mid.softplus().mul(2)).add(Math.log(2 * HALF_BIN));
        Tensor interior = binProbability.clampMin(1e-12).log()
                .where(binProbability.greaterThan(MIN_BIN_PROBABILITY), logDensityAtCentre);
        Tensor top = logOneMinusCdfLower.where(value.greaterThan(1 - HALF_BIN), interior);
        return logCdfUpper.where(value.lessThan(HALF_BIN), top);
    }

    @Override
    public Tensor mean() {
        return mean.clamp(0, 1);
    }

    /** Inverse-CDF sampling, then rounding to the nearest of the 256 values. */
    @Override
    public Tensor sample() {
        Tensor u = Tensor.uniform(1e-5, 1 - 1e-5, mean.shape());
        Tensor logistic = u.log().sub(u.neg().log1p());
        Tensor x = mean.add(logScale.exp().mul(logistic)).clamp(0, 1);
        return x.mul(255).add(0.5).floor().div(255).detach();
    }
}
