package org.vaelab.eval;

import java.util.SplittableRandom;
import org.vaelab.data.Dataset;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.objective.Mmd;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * How well the aggregate posterior q(z) = E_x[q(z|x)] matches the prior (Mathieu et al. 2019): the MMD between
 * samples of the two (per-dimension IMQ kernel, unbiased) and the mean log p(z) of aggregate-posterior samples.
 *
 * @param samples      codes drawn from each side
 * @param mmd          MMD^2 estimate between q(z) and p(z); near 0 when they match
 * @param meanLogPrior mean log p(z) over z ~ q(z), nats
 */
public record PriorMatch(int samples, double mmd, double meanLogPrior) {
    /** The MMD's cost grows with the square of the sample count. */
    public static final int DEFAULT_SAMPLES = 2000;

    /** One z ~ q(z|x) for each of {@code samples} random examples of {@code data}, against as many prior draws. */
    public static PriorMatch estimate(VariationalAutoencoder model, Dataset data, int samples, long seed) {
        int n = Math.min(samples, data.size());
        int[] picked = new SplittableRandom(seed).ints(0, data.size()).distinct().limit(n).toArray();
        float[] x = new float[n * data.dim()];
        data.fill(picked, x, new SplittableRandom(seed));
        try (NoGrad ignored = NoGrad.open(); Scope scope = Scope.open()) {
            Engine.seed(seed);
            Tensor batch = Tensor.of(x, n, data.dim());
            var posterior = model.encoder().encode(batch);
            Tensor z = model.stochastic() ? posterior.sample() : posterior.mean();
            Tensor fromPrior = model.prior().sample(n);
            double mmd = Mmd.perDimensionImq().betweenInBlocks(z, fromPrior);
            return new PriorMatch(n, mmd, model.prior().logProb(z).mean().item());
        }
    }
}
