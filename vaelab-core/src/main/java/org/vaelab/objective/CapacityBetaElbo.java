package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * Burgess et al. 2018, "Understanding disentangling in beta-VAE": -E_q[log p(x|z)] + gamma * |KL - C|, with
 * the target capacity C (nats) raised linearly from 0 to {@code capacityMax} over {@code capacitySteps} steps
 * and held there.
 */
public final class CapacityBetaElbo implements Objective {
    private final double gamma;
    private final double capacityMax;
    private final long capacitySteps;

    public CapacityBetaElbo(double gamma, double capacityMax, long capacitySteps) {
        if (!(gamma >= 0) || !(capacityMax >= 0) || capacitySteps < 1) {
            throw new IllegalArgumentException("need gamma >= 0, capacity-max >= 0 and capacity-steps >= 1");
        }
        this.gamma = gamma;
        this.capacityMax = capacityMax;
        this.capacitySteps = capacitySteps;
    }

    public double capacityAt(long step) {
        return capacityMax * Math.min(1.0, (double) step / capacitySteps);
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor kl = pass.kl().total().mean();
        double capacity = capacityAt(step);
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", kl);
        terms.put("capacity", Tensor.scalar(capacity));
        return new Loss(recon.add(kl.sub(capacity).abs().mul(gamma)), terms);
    }
}
