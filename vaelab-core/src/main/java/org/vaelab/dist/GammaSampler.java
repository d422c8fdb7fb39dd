package org.vaelab.dist;

import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Tensor;

/** Gamma(shape, 1) draws for the Student-t prior's sampler. */
public final class GammaSampler {
    /** Rejection rounds after which a still-pending Gamma draw means a bug, not bad luck (accept rate > 95%). */
    private static final int MAX_GAMMA_ROUNDS = 64;

    private GammaSampler() {
    }

    /**
     * Samples of Gamma(shape, rate 1), without gradients. The JavaCPP presets do not expose torch's
     * {@code _standard_gamma}, so this is Marsaglia and Tsang (2000): for shape a >= 1 draw x ~ N(0, 1),
     * v = (1 + c x)^3 with d = a - 1/3, c = 1 / sqrt(9 d), and accept d v when v > 0 and
     * log u < x^2 / 2 + d - d v + d log v; every pending element retries until accepted. For a < 1,
     * Gamma(a) = Gamma(a + 1) * u^(1/a). Draws come from the engine generator, so {@link Engine#seed} fixes them.
     */
    public static Tensor standardGamma(double shape, long... size) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("Gamma shape must be a finite number > 0, got " + shape);
        }
        try (NoGrad ignored = NoGrad.open()) {
            boolean boosted = shape < 1;
            double a = boosted ? shape + 1 : shape;
            double d = a - 1.0 / 3.0;
            double c = 1 / Math.sqrt(9 * d);
            Tensor result = Tensor.zeros(size);
            Tensor pending = Tensor.full(1, size);
            for (int round = 0; round < MAX_GAMMA_ROUNDS; round++) {
                Tensor x = Tensor.randn(size);
                Tensor v = x.mul(c).add(1).pow(3);
                // 1 - rand lies in (0, 1], so its log is finite.
                Tensor logU = Tensor.rand(size).neg().add(1).log();
                Tensor positive = v.greaterThan(0).toFloat();
                Tensor logV = v.clampMin(Float.MIN_NORMAL).log();
                Tensor margin = x.square().mul(0.5).add(d).sub(v.mul(d)).add(logV.mul(d)).sub(logU);
                Tensor accepted = margin.greaterThan(0).toFloat().mul(positive).mul(pending);
                result = result.add(accepted.mul(v).mul(d));
                pending = pending.sub(accepted);
                if (pending.sum().item() == 0) {
                    if (boosted) {
                        Tensor u = Tensor.rand(size).neg().add(1);
                        result = result.mul(u.pow(1 / shape));
                    }
                    // A draw that underflowed to 0 would make 1/sqrt(G) infinite in callers such as Student-t.
                    return result.clampMin(Float.MIN_NORMAL);
                }
            }
        }
        throw new IllegalStateException("Gamma sampler did not accept every draw in " + MAX_GAMMA_ROUNDS + " rounds");
    }
}
