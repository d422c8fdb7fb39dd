package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * KL warm-up (Bowman et al. 2016; Sonderby et al. 2016): every term of another objective except the
 * reconstruction is weighted by min(1, step / steps), so the decoder learns to use z before the rate is paid for.
 * Works for any objective, since each reports its loss as reconstruction plus the rest.
 */
public final class KlWarmup implements Objective {
    private final Objective inner;
    private final long steps;

    public KlWarmup(Objective inner, long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("warm-up needs at least 1 step, got " + steps);
        }
        this.inner = inner;
        this.steps = steps;
    }

    /** The weight at training step {@code step} (0-based): 0 at the start, 1 from step {@code steps} on. */
    public double weight(long step) {
        return Math.min(1.0, (double) step / steps);
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Loss loss = inner.evaluate(pass, step);
        Tensor recon = loss.terms().get("recon");
        double w = weight(step);
        Map<String, Tensor> terms = new LinkedHashMap<>(loss.terms());
        terms.put("warmup", Tensor.scalar(w));
        return new Loss(recon.add(loss.total().sub(recon).mul(w)), terms);
    }
}
