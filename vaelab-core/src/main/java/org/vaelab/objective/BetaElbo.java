package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * The negative evidence lower bound with a weighted KL: -E_q[log p(x|z)] + beta * KL(q(z|x) || p(z)).
 * beta = 1 is the VAE of Kingma and Welling 2014; beta > 1 the beta-VAE of Higgins et al. 2017.
 */
public final class BetaElbo implements Objective {
    private final double beta;

    public BetaElbo(double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
        this.beta = beta;
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor kl = pass.kl().total().mean();
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", kl);
        return new Loss(recon.add(kl.mul(beta)), terms);
    }
}
