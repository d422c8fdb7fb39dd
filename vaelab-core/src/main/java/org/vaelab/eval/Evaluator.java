package org.vaelab.eval;

import java.util.function.LongConsumer;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;
import org.vaelab.dist.Distribution;
import org.vaelab.model.ForwardPass;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Scores a model on a dataset through the model's interfaces only (encoder, decoder, prior), so it works for any
 * model built from them. Every batch runs in its own native-memory scope; the IWAE bound is computed in chunks of
 * samples and combined with a running log-sum-exp, so memory stays bounded for k up to thousands.
 */
public final class Evaluator {
    public static final double ACTIVE_UNIT_THRESHOLD = 0.01;
    /** Decoder passes per IWAE chunk (samples x examples): bounds memory whatever k is. */
    private static final int IWAE_PASS_SIZE = 512;

    private final VariationalAutoencoder model;
    private final int batchSize;
    private final long seed;

    public Evaluator(VariationalAutoencoder model, int batchSize, long seed) {
        this.model = model;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /**
     * ELBO, rate, distortion, per-dimension KL and active units over {@code examples} examples of {@code data};
     * with {@code iwaeK > 0} also the importance-weighted bound. {@code progress} receives examples done.
     */
    public EvalResult evaluate(Dataset data, String split, int examples, int iwaeK, LongConsumer progress) {
        if (iwaeK > 0 && !model.stochastic()) {
            throw new UserInputException("an autoencoder has no likelihood bound, so --iwae does not apply; "
                    + "evaluate without it");
        }
        Engine.seed(seed);
        int d = model.latentDim();
        double reconSum = 0;
        double klSum = 0;
        double[] klDimSum = new double[d];
        boolean klSplits = true;
        double iwaeSum = 0;
        float[] buffer = new float[batchSize * data.dim()];
        java.util.SplittableRandom dataNoise = new java.util.SplittableRandom(seed);
        try (NoGrad ignored = NoGrad.open()) {
            for (int start = 0; start < examples; start += batchSize) {
                int n = Math.min(batchSize, examples - start);
                int[] indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = start + i;
                }
                try (Scope scope = Scope.open()) {
                    data.fill(indices, buffer, dataNoise);
                    Tensor x = Tensor.ofPrefix(buffer, n * data.dim(), n, data.dim());
                    ForwardPass pass = model.forward(x);
                    reconSum -= pass.logLikelihood().sum().item();
                    klSum += pass.kl().total().sum().item();
                    if (pass.kl().perDimension() != null) {
                        float[] perDim = pass.kl().perDimension().sum(0).toFloats();
                        for (int j = 0; j < d; j++) {
                            klDimSum[j] += perDim[j];
                        }
                    } else {
                        klSplits = false;
                    }
                    if (iwaeK > 0) {
                        iwaeSum += sum(iwaeBound(x, iwaeK));
                    }
                }
                progress.accept(start + n);
            }
        }
        double recon = reconSum / examples;
        double kl = klSum / examples;
        double[] klPerDim = null;
        Integer active = null;
        if (klSplits) {
            klPerDim = new double[d];
            int count = 0;
            for (int j = 0; j < d; j++) {
                klPerDim[j] = klDimSum[j] / examples;
                count += klPerDim[j] > ACTIVE_UNIT_THRESHOLD ? 1 : 0;
            }
            active = count;
        }
        boolean discrete = data.valueKind() != ValueKind.REAL;
        // Conditioning columns (a cvae's label) are given, not coded: bits/dim counts x's own values.
        int observedDim = data.observedShape().size();
        double bitsScale = 1.0 / (observedDim * Math.log(2));
        Double elbo = model.stochastic() ? -(recon + kl) : null;
        Double elboBits = elbo != null && discrete ? -elbo * bitsScale : null;
        EvalResult.Iwae iwae = null;
        if (iwaeK > 0) {
            double logLikelihood = iwaeSum / examples;
            iwae = new EvalResult.Iwae(iwaeK, logLikelihood, -logLikelihood, discrete ? -logLikelihood * bitsScale : null);
        }
        PriorMatch priorMatch = PriorMatch.estimate(model, data, PriorMatch.DEFAULT_SAMPLES, seed);
        return new EvalResult(split, examples, observedDim, elbo, recon, kl, klPerDim, active,
                ACTIVE_UNIT_THRESHOLD, elboBits, iwae, priorMatch, null, null);
    }

    /**
     * Per-example IWAE bound log (1/k) sum_i p(x, z_i) / q(z_i | x), z_i ~ q(z | x), for a batch x [B, D];
     * computed in chunks of samples combined by a running log-sum-exp. Must run under NoGrad.
     */
    public double[] iwaeBound(Tensor x, int k) {
        int batch = (int) x.size(0);
        Distribution posterior = model.encoder().encode(x);
        int chunk = Math.max(1, Math.min(k, IWAE_PASS_SIZE / batch));
        double[] running = new double[batch];
        java.util.Arrays.fill(running, Double.NEGATIVE_INFINITY);
        for (int done = 0; done < k; done += chunk) {
            int m = Math.min(chunk, k - done);
            try (Scope scope = Scope.open()) {
                Tensor z = posterior.rsample(m);                                  // [m, B, d]
                Tensor flatZ = z.reshape((long) m * batch, -1);
                Tensor flatX = x.unsqueeze(0).expand(m, batch, x.size(1)).reshape((long) m * batch, -1);
                Tensor logPx = model.decoder().decode(flatZ).logProb(flatX).reshape(m, batch);
                Tensor logW = logPx.add(model.prior().logProb(z)).sub(posterior.logProb(z));
                float[] chunkLse = logW.logSumExp(0).toFloats();
                for (int b = 0; b < batch; b++) {
                    running[b] = logAddExp(running[b], chunkLse[b]);
                }
            }
        }
        double logK = Math.log(k);
        for (int b = 0; b < batch; b++) {
            running[b] -= logK;
        }
        return running;
    }

    private static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
