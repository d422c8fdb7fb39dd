package org.vaelab.dist;

import org.vaelab.UserInputException;
import org.vaelab.tensor.Tensor;

/**
 * Independent Student-t per dimension with {@code df} degrees of freedom, location 0 and scale {@code scale}: a
 * heavy-tailed, still factorised prior (Mathieu et al. 2019 use df = 9 on dSprites). Lower df means heavier
 * tails; as df grows it tends to N(0, scale^2).
 */
public final class StudentTPrior implements Prior {
    /** Lanczos coefficients for g = 7, n = 9: log Gamma to about 15 significant digits. */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private final int dim;
    private final double df;
    private final double scale;
    /** log Gamma((df+1)/2) - log Gamma(df/2) - log(df pi)/2 - log scale. */
    private final double logNormaliser;

    public StudentTPrior(int dim, double df) {
        this(dim, df, 1.0);
    }

    public StudentTPrior(int dim, double df, double scale) {
        if (dim < 1) {
            throw new IllegalArgumentException("latent dimension must be at least 1, got " + dim);
        }
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new UserInputException("--df must be a number > 0, got " + df);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new UserInputException("the Student-t scale (from --prior-variance-scale) must be > 0, got "
                    + scale);
        }
        this.dim = dim;
        this.df = df;
        this.scale = scale;
        this.logNormaliser = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI)
                - Math.log(scale);
    }

    public double df() {
        return df;
    }

    public double scale() {
        return scale;
    }

    @Override
    public int dim() {
        return dim;
    }

    /**
     * z = scale * n / sqrt(g / df) with n ~ N(0, 1) and g ~ chi^2(df) = Gamma(df/2, scale 2) = 2 Gamma(df/2, 1):
     * the ratio of a standard normal to the root of an independent chi-square over its df is t(df).
     */
    @Override
    public Tensor sample(long count) {
        Tensor chiSquareOverDf = GammaSampler.standardGamma(df / 2, count, dim).mul(2 / df);
        return Tensor.randn(count, dim).div(chiSquareOverDf.sqrt()).mul(scale);
    }

    /** Elementwise log t(value; df, 0, scale), shape [..., d]. */
    public Tensor logProbPerDim(Tensor value) {
        Tensor standardisedSquare = value.div(scale).square();
        return standardisedSquare.div(df).log1p().mul(-(df + 1) / 2).add(logNormaliser);
    }

    @Override
    public Tensor logProb(Tensor value) {
        return logProbPerDim(value).sum(-1);
    }

    /** log Gamma(x) for x > 0 (Java has none; float32 lgamma would lose the difference of two large values). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double shifted = x - 1;
        double series = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            series += LANCZOS[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
    }
}
