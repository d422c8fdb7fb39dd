package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * Mathieu et al. 2019, "Disentangling Disentanglement in Variational Autoencoders":
 * -E_q[log p(x|z)] + beta * KL(q(z|x) || p(z)) + alpha * D(q(z), p(z)). beta controls the overlap of the
 * posteriors, alpha how hard the aggregate posterior is pulled onto the prior's structure. The "divergence" term
 * is logged even at alpha = 0 (then detached, trained by nothing) to show how far q(z) is from p(z).
 */
public final class DecompositionObjective implements Objective {
    private final double beta;
    private final double alpha;
    private final Divergence divergence;

    public DecompositionObjective(double beta, double alpha, Divergence divergence) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a number >= 0, got " + beta);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a number >= 0, got " + alpha);
        }
        this.beta = beta;
        this.alpha = alpha;
        this.divergence = divergence;
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor kl = pass.kl().total().mean();
        Tensor regulariser = divergence.estimate(pass);
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", kl);
        Tensor total = recon.add(kl.mul(beta));
        if (alpha > 0) {
            total = total.add(regulariser.mul(alpha));
            terms.put("divergence", regulariser);
        } else {
            terms.put("divergence", regulariser.detach());
        }
        return new Loss(total, terms);
    }
}
