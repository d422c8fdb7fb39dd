package org.vaelab.objective;

import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.KlRegistry;
import org.vaelab.dist.Prior;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/** Forward passes built by hand for objective tests: x of one dimension, a unit Gaussian likelihood. */
final class DecompositionPasses {
    private DecompositionPasses() {
    }

    static ForwardPass of(DiagonalGaussian posterior, Prior prior) {
        return of(posterior, prior, posterior.rsample());
    }

    static ForwardPass of(DiagonalGaussian posterior, Prior prior, Tensor z) {
        long batch = z.size(0);
        Tensor x = Tensor.full(0.5, batch, 1);
        DiagonalGaussian likelihood = new DiagonalGaussian(z.narrow(1, 0, 1), Tensor.zeros(batch, 1));
        return new ForwardPass(x, posterior, z, likelihood, likelihood.logProb(x), prior,
                KlRegistry.divergence(posterior, prior, z));
    }
}
