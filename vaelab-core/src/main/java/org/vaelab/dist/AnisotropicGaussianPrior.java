package org.vaelab.dist;

import java.util.Arrays;
import org.vaelab.UserInputException;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * N(0, diag(sigma^2)) with sigma^2 = s * d * softmax(v) (Mathieu et al. 2019): the variances always sum to s * d,
 * so only their proportions are free, whether v is fixed (isotropic, or proportional to the data's top principal
 * variances) or learned. s is the variance scale (--prior-variance-scale); s = 1 with v = 0 is N(0, I).
 * Build it outside any Scope, like parameters: its tensors must live as long as the model.
 */
public final class AnisotropicGaussianPrior implements Prior {
    private final int dim;
    private final Tensor varianceLogits;
    private final double logTotalVariance;
    private final boolean learned;

    private AnisotropicGaussianPrior(Tensor varianceLogits, int dim, double varianceScale, boolean learned) {
        this.dim = dim;
        this.varianceLogits = varianceLogits;
        this.logTotalVariance = Math.log(varianceScale * dim);
        this.learned = learned;
    }

    /** Every variance equal to {@code varianceScale}. */
    public static AnisotropicGaussianPrior isotropic(int dim, double varianceScale) {
        checkDim(dim);
        checkScale(varianceScale);
        return new AnisotropicGaussianPrior(Tensor.zeros(dim), dim, varianceScale, false);
    }

    /** Fixed variances proportional to {@code variances} (e.g. the top-d PCA variances), rescaled to sum to s * d. */
    public static AnisotropicGaussianPrior fixed(double[] variances, double varianceScale) {
        checkScale(varianceScale);
        return new AnisotropicGaussianPrior(logitsOf(variances), variances.length, varianceScale, false);
    }

    /** Learned variances starting out equal; registers "variance_logits" in {@code parameters}. */
    public static AnisotropicGaussianPrior learned(ParameterSet parameters, int dim, double varianceScale) {
        checkDim(dim);
        double[] equal = new double[dim];
        Arrays.fill(equal, 1.0);
        return learned(parameters, equal, varianceScale);
    }

    /** Learned variances starting proportional to {@code initialVariances}; registers "variance_logits". */
    public static AnisotropicGaussianPrior learned(ParameterSet parameters, double[] initialVariances,
                                                   double varianceScale) {
        checkScale(varianceScale);
        Tensor logits = parameters.parameter("variance_logits", logitsOf(initialVariances));
        return new AnisotropicGaussianPrior(logits, initialVariances.length, varianceScale, true);
    }

    public boolean learned() {
        return learned;
    }

    /** log sigma^2 per dimension, shape [d]. */
    public Tensor logVariance() {
        return varianceLogits.logSoftmax(0).add(logTotalVariance);
    }

    /** sigma^2 per dimension, shape [d]. */
    public Tensor variance() {
        return logVariance().exp();
    }

    @Override
    public int dim() {
        return dim;
    }

    /** Reparameterised: gradients reach learned variances through the samples. */
    @Override
    public Tensor sample(long count) {
        return Tensor.randn(count, dim).mul(logVariance().mul(0.5).exp());
    }

    /** Elementwise log N(value; 0, sigma^2), shape [..., d]. */
    public Tensor logProbPerDim(Tensor value) {
        Tensor logVar = logVariance();
        return value.square().mul(logVar.neg().exp()).add(logVar).add(DiagonalGaussian.LOG_2PI).mul(-0.5);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerDim(value).sum(-1);
    }

    /** softmax(log v) = v / sum(v): logits that reproduce the proportions of {@code variances}. */
    private static Tensor logitsOf(double[] variances) {
        checkDim(variances.length);
        float[] logits = new float[variances.length];
        for (int i = 0; i < variances.length; i++) {
            double v = variances[i];
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new UserInputException("prior variances must be finite and > 0, got " + v + " for dimension "
                        + i + "; with --prior-variance pca the data has fewer directions of nonzero variance than"
                        + " latents");
            }
            logits[i] = (float) Math.log(v);
        }
        return Tensor.of(logits, variances.length);
    }

    private static void checkDim(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("latent dimension must be at least 1, got " + dim);
        }
    }

    static void checkScale(double varianceScale) {
        if (!(varianceScale > 0) || Double.isInfinite(varianceScale)) {
            throw new UserInputException("--prior-variance-scale must be a number > 0, got " + varianceScale);
        }
    }
}
