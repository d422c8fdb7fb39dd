package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * InfoVAE (Zhao, Song and Ermon 2019):
 * -E_q[log p(x|z)] + (1 - alpha) * KL(q(z|x) || p(z)) + (alpha + lambda - 1) * D(q(z), p(z)), with D the MMD in
 * their experiments. alpha = 0, lambda = 1 is the VAE; alpha = 1 drops the per-example KL (the MMD-VAE with
 * lambda > 0). Both weights must stay >= 0: a negative weight on the KL (unbounded above) makes the loss
 * unbounded below.
 */
public final class InfoVaeObjective implements Objective {
    private final double alpha;
    private final double lambda;
    private final Divergence divergence;

    public InfoVaeObjective(double alpha, double lambda, Divergence divergence) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("InfoVAE lambda must be a number > 0, got " + lambda);
        }
        if (!(alpha <= 1) || !(alpha + lambda - 1 >= 0)) {
            throw new org.vaelab.UserInputException("infovae needs --alpha <= 1 and --alpha + --lambda >= 1 so both "
                    + "weights are >= 0, got alpha " + alpha + " and lambda " + lambda);
        }
        this.alpha = alpha;
        this.lambda = lambda;
        this.divergence = divergence;
    }

    /** With the Gaussian-kernel MMD of the paper, for a prior of variance {@code priorVariance} per dimension. */
    public static InfoVaeObjective withRbfMmd(double alpha, double lambda, double priorVariance) {
        return new InfoVaeObjective(alpha, lambda, Mmd.rbf(priorVariance));
    }

    public double klWeight() {
        return 1 - alpha;
    }

    public double divergenceWeight() {
        return alpha + lambda - 1;
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor kl = pass.kl().total().mean();
        Tensor mmd = divergence.estimate(pass);
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", kl);
        terms.put("divergence", mmd);
        return new Loss(recon.add(kl.mul(klWeight())).add(mmd.mul(divergenceWeight())), terms);
    }
}
