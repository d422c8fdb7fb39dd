package org.vaelab.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.Distribution;
import org.vaelab.dist.KlRegistry;
import org.vaelab.dist.KlTerm;
import org.vaelab.dist.Prior;
import org.vaelab.model.Encoder;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Splits the average KL of a dataset into index-code mutual information, total correlation and dimension-wise KL
 * (Chen et al. 2018, section 3), with the aggregate posterior q(z) = (1/N) sum_m q(z|x_m) taken over the WHOLE
 * dataset, as the authors' evaluation does, not over a minibatch. The dataset is encoded once to the posteriors'
 * means and log-variances (kept as two [N, d] tensors); then S pairs (n, z ~ q(z|x_n)) are drawn and, for each
 * z, log q(z) and every log q(z_j) are computed over all N posteriors in chunks combined by a running
 * log-sum-exp, so memory stays bounded whatever N is. Each term is a plain S-sample mean of an exact
 * log-density difference, so the three add up, per sample, to log q(z|x) - log p(z).
 *
 * <p>Cost is about S * N * d evaluations of a Gaussian log-density (about 1.5e10 for dSprites with S = 2048 and
 * d = 10): the sweep writes each chunk of them with one batched matrix product, log q(z_j | x_m) = a z^2 + b z + c,
 * in float64 because the expanded square cancels badly for narrow posteriors, with c lowered by the chunk's
 * highest peak density so the exponentials can be summed directly (no per-row maximum pass).
 */
public final class KlDecomposition {
    public static final int DEFAULT_SAMPLES = 2048;
    /** Log-densities evaluated per chunk (S-block x posteriors x d): 32 MB in float64. */
    static final long DEFAULT_CHUNK_ELEMENTS = 1L << 22;
    private static final int SAMPLE_BLOCK = 512;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Encoder encoder;
    private final Prior prior;
    private final int batchSize;
    private final int samples;
    private final long seed;
    private final long chunkElements;

    /**
     * @param batchSize examples per encoder pass
     * @param samples   S, the number of (n, z) draws the expectations average over
     */
    public KlDecomposition(Encoder encoder, Prior prior, int batchSize, int samples, long seed) {
        this(encoder, prior, batchSize, samples, seed, DEFAULT_CHUNK_ELEMENTS);
    }

    KlDecomposition(Encoder encoder, Prior prior, int batchSize, int samples, long seed, long chunkElements) {
        if (batchSize < 1) {
            throw new UserInputException("--batch must be at least 1, got " + batchSize);
        }
        if (samples < 1) {
            throw new UserInputException("--decompose-samples must be at least 1, got " + samples);
        }
        this.encoder = encoder;
        this.prior = prior;
        this.batchSize = batchSize;
        this.samples = samples;
        this.seed = seed;
        this.chunkElements = chunkElements;
    }

    public static KlDecomposition of(VariationalAutoencoder model, int batchSize, int samples, long seed) {
        if (!model.stochastic()) {
            throw new UserInputException("an autoencoder has no posterior distribution, so --decompose does not apply");
        }
        return new KlDecomposition(model.encoder(), model.prior(), batchSize, samples, seed);
    }

    /** The value {@code progress} reaches: N for encoding, then N for the sweep over the posteriors. */
    public static long progressTotal(Dataset data) {
        return 2L * data.size();
    }

    /** Decomposes over every example of {@code data}; {@code progress} receives work done (see progressTotal). */
    public KlDecompositionResult decompose(Dataset data, LongConsumer progress) {
        int n = data.size();
        Engine.seed(seed);
        try (Scope all = Scope.open(); NoGrad ignored = NoGrad.open()) {
            Tensor means = Tensor.zeros(n, prior.dim());
            Tensor logVars = Tensor.zeros(n, prior.dim());
            DirectKl direct = encodeAll(data, means, logVars, progress);

            int[] picks = sampleIndices(n);
            DiagonalGaussian picked = new DiagonalGaussian(rows(means, picks), rows(logVars, picks));
            Tensor z = picked.sample();
            float[] logQzGivenX = picked.logProb(z).toFloats();
            float[] logPz = prior.logProb(z).toFloats();
            Aggregate aggregate = aggregateLogDensities(z, means, logVars, progress, n);

            int d = prior.dim();
            double logN = Math.log(n);
            double[] mi = new double[samples];
            double[] tc = new double[samples];
            double[] dwkl = new double[samples];
            double[] total = new double[samples];
            for (int s = 0; s < samples; s++) {
                double logQz = aggregate.joint[s] - logN;
                double logProductOfMarginals = -d * logN;
                for (int k = 0; k < d; k++) {
                    logProductOfMarginals += aggregate.marginals[s * d + k];
                }
                mi[s] = logQzGivenX[s] - logQz;
                tc[s] = logQz - logProductOfMarginals;
                dwkl[s] = logProductOfMarginals - logPz[s];
                total[s] = mi[s] + tc[s] + dwkl[s];
            }
            return new KlDecompositionResult(n, samples, estimate(mi), estimate(tc), estimate(dwkl), estimate(total),
                    direct.average, direct.analytic);
        }
    }

    private record DirectKl(double average, boolean analytic) {
    }

    /** Fills means and logVars [N, d] batch by batch and returns the directly computed average KL. */
    private DirectKl encodeAll(Dataset data, Tensor means, Tensor logVars, LongConsumer progress) {
        int n = data.size();
        float[] buffer = new float[batchSize * data.dim()];
        SplittableRandom dataNoise = new SplittableRandom(seed);
        double klSum = 0;
        boolean analytic = true;
        for (int start = 0; start < n; start += batchSize) {
            int count = Math.min(batchSize, n - start);
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = start + i;
            }
            try (Scope batch = Scope.open()) {
                data.fill(indices, buffer, dataNoise);
                Distribution posterior = encoder.encode(Tensor.ofPrefix(buffer, count * data.dim(), count, data.dim()));
                if (!(posterior instanceof DiagonalGaussian q)) {
                    throw new UserInputException("--decompose needs a diagonal Gaussian posterior (it evaluates "
                            + "q(z_j|x) per dimension), got " + posterior.getClass().getSimpleName());
                }
                means.narrow(0, start, count).assign(q.mean());
                logVars.narrow(0, start, count).assign(q.logVar());
                KlTerm kl = KlRegistry.divergence(q, prior, q.sample());
                klSum += kl.total().sum().item();
                analytic &= kl.analytic();
            }
            progress.accept(start + count);
        }
        return new DirectKl(klSum / n, analytic);
    }

    /** Which example each sample's z is drawn from: passes over fresh permutations, so every n is used evenly. */
    private int[] sampleIndices(int n) {
        SplittableRandom rng = new SplittableRandom(seed + 1);
        int[] picks = new int[samples];
        int[] permutation = new int[n];
        for (int done = 0; done < samples; done += n) {
            Arrays.setAll(permutation, i -> i);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            System.arraycopy(permutation, 0, picks, done, Math.min(n, samples - done));
        }
        return picks;
    }

    private static Tensor rows(Tensor matrix, int[] indices) {
        return matrix.rows(Arrays.stream(indices).asLongStream().toArray());
    }

    /** logsumexp_m log q(z_s | x_m) per sample [S]; logsumexp_m log q(z_sk | x_mk) per sample and dimension [S*d]. */
    private record Aggregate(double[] joint, double[] marginals) {
    }

    private Aggregate aggregateLogDensities(Tensor z, Tensor means, Tensor logVars, LongConsumer progress,
                                            long progressOffset) {
        int n = (int) means.size(0);
        int d = (int) means.size(1);
        // Features of each sample for log q(z|x_m) = sum_k (a_mk z_k^2 + b_mk z_k + c_mk), as matrix products.
        Tensor zz = z.toDouble();
        Tensor jointFeatures = Tensor.cat(1, zz.square(), zz, Tensor.full(1, samples, 1).toDouble());
        Tensor marginalFeatures = Tensor.cat(2, zz.square().unsqueeze(2), zz.unsqueeze(2),
                Tensor.full(1, samples, d, 1).toDouble()).transpose(0, 1);             // [d, S, 3]

        int block = Math.min(samples, SAMPLE_BLOCK);
        int chunk = (int) Math.max(1, Math.min(n, chunkElements / ((long) block * d)));
        double[] joint = new double[samples];
        double[] marginals = new double[samples * d];
        Arrays.fill(joint, Double.NEGATIVE_INFINITY);
        Arrays.fill(marginals, Double.NEGATIVE_INFINITY);
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            try (Scope posteriors = Scope.open()) {
                Tensor mean = means.narrow(0, start, count).toDouble();
                Tensor logVar = logVars.narrow(0, start, count).toDouble();
                float[] peaks = highestPeaks(logVars.narrow(0, start, count));
                float jointPeak = 0;
                for (float p : peaks) {
                    jointPeak += p;
                }
                Tensor precision = logVar.neg().exp();
                Tensor a = precision.mul(-0.5);
                Tensor b = mean.mul(precision);
                Tensor c = mean.square().mul(precision).add(logVar).add(LOG_2PI).mul(-0.5);
                // Shifted by the chunk's highest peak, every term is at most 0, so exp cannot overflow.
                Tensor jointConstant = c.sum(1).sub(jointPeak).unsqueeze(1);
                Tensor marginalConstant = c.sub(Tensor.of(peaks, 1, d).toDouble());
                Tensor jointCoefficients = Tensor.cat(1, a, b, jointConstant).transpose(0, 1);    // [2d+1, m]
                Tensor marginalCoefficients = Tensor.cat(2, a.unsqueeze(2), b.unsqueeze(2),
                        marginalConstant.unsqueeze(2)).transpose(0, 1).transpose(1, 2);        // [d, 3, m]
                for (int first = 0; first < samples; first += block) {
                    int size = Math.min(block, samples - first);
                    try (Scope sampleBlock = Scope.open()) {
                        // float64 exp reaches e^-745: a sample's own posterior, never that far below the peak,
                        // cannot underflow; whole chunks far from a sample may, and rightly add nothing.
                        float[] jointChunk = jointFeatures.narrow(0, first, size).matmul(jointCoefficients)
                                .exp().sum(1).log().toFloats();
                        float[] marginalChunk = marginalFeatures.narrow(1, first, size).matmul(marginalCoefficients)
                                .exp().sum(2).log().toFloats();                                 // [d, size]
                        for (int s = 0; s < size; s++) {
                            joint[first + s] = logAddExp(joint[first + s], jointChunk[s] + (double) jointPeak);
                            for (int k = 0; k < d; k++) {
                                int at = (first + s) * d + k;
                                double chunkValue = marginalChunk[k * size + s] + (double) peaks[k];
                                marginals[at] = logAddExp(marginals[at], chunkValue);
                            }
                        }
                    }
                }
            }
            progress.accept(progressOffset + start + count);
        }
        boolean underflow = Arrays.stream(joint).anyMatch(Double::isInfinite)
                || Arrays.stream(marginals).anyMatch(Double::isInfinite);
        if (underflow) {
            // Only possible if log-variances within a chunk differ by over ~1500 / d nats per dimension.
            throw new IllegalStateException("a sample's density underflowed in the KL decomposition's sweep; the "
                    + "posteriors' log-variances are too far apart");
        }
        return new Aggregate(joint, marginals);
    }

    /** Per dimension, the highest log-density any of these posteriors reaches: -0.5 (log 2 pi + min log-variance). */
    private static float[] highestPeaks(Tensor logVars) {
        int d = (int) logVars.size(1);
        float[] values = logVars.toFloats();
        float[] peaks = new float[d];
        Arrays.fill(peaks, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            peaks[i % d] = Math.max(peaks[i % d], (float) (-0.5 * (LOG_2PI + values[i])));
        }
        return peaks;
    }

    private static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    private static KlDecompositionResult.Estimate estimate(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = values.length > 1
                ? Math.sqrt(squares / (values.length - 1) / values.length) : Double.NaN;
        return new KlDecompositionResult.Estimate(mean, standardError);
    }
}
