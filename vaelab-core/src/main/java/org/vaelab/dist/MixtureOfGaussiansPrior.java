package org.vaelab.dist;

import org.vaelab.UserInputException;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * An equally weighted mixture of K diagonal Gaussians, the clustered prior of Mathieu et al. 2019. Component k
 * has mean mu_k and variances s * d * softmax(v_k), as in their code: the variances of a component sum to s * d,
 * and v = 0 makes every variance s. The logits v are either shared by all components ([1, d]) or per component
 * ([K, d]); means and logits are fixed or learned. Build it outside any Scope, like parameters.
 */
public final class MixtureOfGaussiansPrior implements Prior {
    /** Whether all components share one variance vector or each has its own. */
    public enum VarianceSharing { SHARED, PER_COMPONENT }

    private final int components;
    private final int dim;
    private final Tensor means;
    private final Tensor varianceLogits;
    private final double logTotalVariance;

    private MixtureOfGaussiansPrior(Tensor means, Tensor varianceLogits, int components, int dim,
                                    double varianceScale) {
        this.components = components;
        this.dim = dim;
        this.means = means;
        this.varianceLogits = varianceLogits;
        this.logTotalVariance = Math.log(varianceScale * dim);
    }

    /** Fixed means and every variance equal to {@code varianceScale}. */
    public static MixtureOfGaussiansPrior fixed(float[][] means, double varianceScale) {
        int[] shape = check(means, varianceScale);
        return new MixtureOfGaussiansPrior(matrix(means), Tensor.zeros(1, shape[1]), shape[0], shape[1], varianceScale);
    }

    /**
     * Fixed means, learned variances starting at {@code varianceScale} (the reference code's pinwheel prior with
     * learned variances); registers "variance_logits".
     */
    public static MixtureOfGaussiansPrior learnedVariances(ParameterSet parameters, float[][] means,
                                                           double varianceScale, VarianceSharing sharing) {
        int[] shape = check(means, varianceScale);
        Tensor logits = parameters.parameter("variance_logits", Tensor.zeros(logitRows(sharing, shape[0]), shape[1]));
        return new MixtureOfGaussiansPrior(matrix(means), logits, shape[0], shape[1], varianceScale);
    }

    /** Learned means starting at {@code initialMeans} and learned variances; registers "means" and "variance_logits". */
    public static MixtureOfGaussiansPrior learned(ParameterSet parameters, float[][] initialMeans,
                                                  double varianceScale, VarianceSharing sharing) {
        int[] shape = check(initialMeans, varianceScale);
        Tensor means = parameters.parameter("means", matrix(initialMeans));
        Tensor logits = parameters.parameter("variance_logits", Tensor.zeros(logitRows(sharing, shape[0]), shape[1]));
        return new MixtureOfGaussiansPrior(means, logits, shape[0], shape[1], varianceScale);
    }

    /** The pinwheel demo's four means, one on each half-axis of the plane: (0,-1), (0,1), (1,0), (-1,0). */
    public static float[][] compassMeans() {
        return new float[][] {{0, -1}, {0, 1}, {1, 0}, {-1, 0}};
    }

    /** K means drawn from N(0, I) by the engine generator (seed it first), to start learned means from. */
    public static float[][] randomMeans(int components, int dim) {
        checkComponents(components);
        try (Scope ignored = Scope.open(); NoGrad noGrad = NoGrad.open()) {
            return Tensor.randn(components, dim).toMatrix();
        }
    }

    public int components() {
        return components;
    }

    /** [K, d]. */
    public Tensor means() {
        return means;
    }

    /** log variances, [K, d] per component or [1, d] shared. */
    public Tensor logVariance() {
        return varianceLogits.logSoftmax(1).add(logTotalVariance);
    }

    @Override
    public int dim() {
        return dim;
    }

    /**
     * Picks a component uniformly per sample (engine generator), then draws from it reparameterised, so gradients
     * reach learned means and variances.
     */
    @Override
    public Tensor sample(long count) {
        float[] uniform;
        try (NoGrad ignored = NoGrad.open()) {
            uniform = Tensor.rand(count).toFloats();
        }
        long[] picked = new long[uniform.length];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = Math.min(components - 1, (long) (uniform[i] * components));
        }
        Tensor std = logVariance().mul(0.5).exp();
        Tensor pickedStd = std.size(0) == 1 ? std : std.rows(picked);
        return means.rows(picked).add(pickedStd.mul(Tensor.randn(count, dim)));
    }

    /** log (1/K) sum_k N(value; mu_k, sigma_k^2) by log-sum-exp over components; value [..., d] gives [...]. */
    @Override
    public Tensor logProb(Tensor value) {
        Tensor logVar = logVariance();
        Tensor diff = value.unsqueeze(-2).sub(means);
        Tensor perComponent = diff.square().mul(logVar.neg().exp()).add(logVar).add(DiagonalGaussian.LOG_2PI)
                .mul(-0.5).sum(-1);
        return perComponent.logSumExp(-1).sub(Math.log(components));
    }

    private static int logitRows(VarianceSharing sharing, int components) {
        return sharing == VarianceSharing.SHARED ? 1 : components;
    }

    /** Returns {K, d} after rejecting an empty, ragged or badly scaled specification. */
    private static int[] check(float[][] means, double varianceScale) {
        checkComponents(means.length);
        int dim = means[0].length;
        if (dim < 1) {
            throw new IllegalArgumentException("mixture means need at least one dimension");
        }
        for (float[] mean : means) {
            if (mean.length != dim) {
                throw new IllegalArgumentException("every mixture mean needs " + dim + " values, got " + mean.length);
            }
        }
        AnisotropicGaussianPrior.checkScale(varianceScale);
        return new int[] {means.length, dim};
    }

    private static void checkComponents(int components) {
        if (components < 1) {
            throw new UserInputException("--components must be at least 1, got " + components);
        }
    }

    private static Tensor matrix(float[][] rows) {
        int dim = rows[0].length;
        float[] flat = new float[rows.length * dim];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rows[k], 0, flat, k * dim, dim);
        }
        return Tensor.of(flat, rows.length, dim);
    }
}
