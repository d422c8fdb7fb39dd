package org.vaelab.model;

import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.Distribution;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * Network outputs are the means of a Gaussian likelihood whose log-variance is either fixed or a learned
 * vector, one value per data dimension, shared across z (as in Mathieu et al.'s pinwheel model).
 */
public final class GaussianHead implements LikelihoodHead {
    private final Tensor logVar;

    private GaussianHead(Tensor logVar) {
        this.logVar = logVar;
    }

    public static GaussianHead fixed(double variance, int dim) {
        return new GaussianHead(Tensor.full(Math.log(variance), dim));
    }

    public static GaussianHead learned(ParameterSet parameters, int dim) {
        return new GaussianHead(parameters.parameter("likelihood_log_var", Tensor.zeros(dim)));
    }

    @Override
    public int outputsPerValue() {
        return 1;
    }

    @Override
    public Distribution distribution(Tensor mean) {
        return new DiagonalGaussian(mean, logVar.expand(mean.shape()));
    }
}
