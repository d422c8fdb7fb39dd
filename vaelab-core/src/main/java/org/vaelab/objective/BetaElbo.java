package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * The negative evidence lower bound with a weighted KL: -E_q[log p(x|z)] + beta * KL(q(z|x) || p(z)).
 * beta = 1 is the VAE of Kingma and Welling 2014; beta > 1 the beta-VAE of Higgins et al. 2017. With free bits
 * lambda > 0 the penalised KL is {@link FreeBits}'s; the logged "kl" stays the true rate.
 */
public final class BetaElbo implements Objective {
    private final double beta;
    private final double freeBits;

    public BetaElbo(double beta) {
        this(beta, 0);
    }

    public BetaElbo(double beta, double freeBits) {
        if (!(beta >= 0) || !(freeBits >= 0)) {
            throw new IllegalArgumentException("beta and free bits must be >= 0, got " + beta + ", " + freeBits);
        }
        this.beta = beta;
        this.freeBits = freeBits;
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor kl = pass.kl().total().mean();
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", kl);
        Tensor penalised = freeBits > 0 ? FreeBits.kl(pass, freeBits) : kl;
        return new Loss(recon.add(penalised.mul(beta)), terms);
    }
}
