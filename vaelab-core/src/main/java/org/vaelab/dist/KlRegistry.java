package org.vaelab.dist;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.vaelab.tensor.Tensor;

/**
 * KL divergences keyed by the pair of types, like torch.distributions.kl: a registered closed form when one
 * exists, otherwise the Monte-Carlo estimate log q(z) - log p(z) at the posterior sample z the model drew.
 */
public final class KlRegistry {
    private static final Map<Pair, BiFunction<Distribution, Density, KlTerm>> CLOSED_FORMS = new ConcurrentHashMap<>();

    static {
        register(DiagonalGaussian.class, StandardNormal.class, (q, p) -> GaussianKl.toStandardNormal(q));
        register(DiagonalGaussian.class, DiagonalGaussian.class, GaussianKl::between);
        register(DiagonalGaussian.class, AnisotropicGaussianPrior.class, PriorKls::gaussianToAnisotropic);
    }

    private KlRegistry() {
    }

    /** Registers the closed form of KL(Q || P). */
    @SuppressWarnings("unchecked")
    public static <Q extends Distribution, P extends Density> void register(
            Class<Q> q, Class<P> p, BiFunction<Q, P, KlTerm> closedForm) {
        CLOSED_FORMS.put(new Pair(q, p), (a, b) -> closedForm.apply((Q) a, (P) b));
    }

    public static boolean hasClosedForm(Distribution q, Density p) {
        return CLOSED_FORMS.containsKey(new Pair(q.getClass(), p.getClass()));
    }

    /**
     * KL(q || p) per batch element. {@code sample} is a draw from q (shape [B, d]) used when no closed form is
     * registered; pass the sample the model already drew so the estimate and the reconstruction share it.
     */
    public static KlTerm divergence(Distribution q, Density p, Tensor sample) {
        BiFunction<Distribution, Density, KlTerm> closed = CLOSED_FORMS.get(new Pair(q.getClass(), p.getClass()));
        if (closed != null) {
            return closed.apply(q, p);
        }
        return new KlTerm(q.logProb(sample).sub(p.logProb(sample)), null, false);
    }

    private record Pair(Class<?> q, Class<?> p) {
    }
}
