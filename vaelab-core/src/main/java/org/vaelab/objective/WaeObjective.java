package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * The Wasserstein autoencoder with the MMD penalty (WAE-MMD, Tolstikhin et al. 2018): -log p(x|z) at the
 * deterministic code z (build the model with stochastic = false) plus lambda * MMD(q(z), p(z)) with the IMQ kernel
 * C = 2 d sigma^2 summed over seven scales ({@link ImqKernel}). The per-example KL is logged, not trained.
 */
public final class WaeObjective implements Objective {
    private final double lambda;
    private final Divergence mmd;

    /** {@code priorVariance} is the prior's variance per dimension (1 for N(0, I)); it sets the kernel's C. */
    public WaeObjective(double lambda, double priorVariance) {
        this(lambda, Mmd.imq(priorVariance));
    }

    public WaeObjective(double lambda, Divergence mmd) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("WAE lambda must be a number >= 0, got " + lambda);
        }
        this.lambda = lambda;
        this.mmd = mmd;
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor penalty = mmd.estimate(pass);
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", pass.kl().total().mean().detach());
        terms.put("divergence", penalty);
        return new Loss(recon.add(penalty.mul(lambda)), terms);
    }
}
