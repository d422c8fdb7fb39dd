package org.vaelab.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.FactorGrid;
import org.vaelab.data.npy.NpyDtype;
import org.vaelab.data.npy.NpyWriter;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.Distribution;
import org.vaelab.metrics.FactorEncoder;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Representations out of a model: posterior means (and log-variances) of any dataset, streamed in batches, and
 * the factors-to-codes function the disentanglement metrics call.
 */
public final class Encoding {
    private static final int BATCH = 256;

    private Encoding() {
    }

    /**
     * Codes of the images with the given ground-truth factors, rendered or read from {@code data}; each image is
     * encoded once however often the metrics draw it.
     */
    public static FactorEncoder factorEncoder(VariationalAutoencoder model, Dataset data) {
        return new GridCodeCache(requireFactors(data), indices -> means(model, data, indices));
    }

    public static FactorGrid requireFactors(Dataset data) {
        return data.factors().orElseThrow(() -> new UserInputException(data.name()
                + " has no ground-truth factors, so disentanglement metrics cannot be computed on it; use dsprites, "
                + "or score arrays with --codes and --factors"));
    }

    /** Posterior means of examples {@code indices} of {@code data}, in batches. */
    public static float[][] means(VariationalAutoencoder model, Dataset data, int[] indices) {
        float[][] out = new float[indices.length][];
        float[] buffer = new float[Math.min(BATCH, indices.length) * data.dim()];
        SplittableRandom noise = new SplittableRandom(0);
        try (NoGrad ignored = NoGrad.open()) {
            for (int start = 0; start < indices.length; start += BATCH) {
                int n = Math.min(BATCH, indices.length - start);
                int[] batch = java.util.Arrays.copyOfRange(indices, start, start + n);
                try (Scope scope = Scope.open()) {
                    data.fill(batch, buffer, noise);
                    float[][] codes = model.encoder().encode(Tensor.ofPrefix(buffer, n * data.dim(), n, data.dim()))
                            .mean().toMatrix();
                    System.arraycopy(codes, 0, out, start, n);
                }
            }
        }
        return out;
    }

    /**
     * Writes the posterior means of every example of {@code data}, in order, as float32 [n, d] to {@code means};
     * optionally the log-variances to {@code logVars} and the factor indices as int32 [n, k] to {@code factors}
     * (each may be null). Memory stays bounded whatever n is.
     */
    public static void toNpy(VariationalAutoencoder model, Dataset data, Path means, Path logVars, Path factors,
                             LongConsumer progress) {
        int n = data.size();
        int d = model.latentDim();
        FactorGrid grid = factors == null ? null : requireFactors(data);
        float[] buffer = new float[BATCH * data.dim()];
        SplittableRandom noise = new SplittableRandom(0);
        try (NoGrad ignored = NoGrad.open();
             NpyWriter meanOut = NpyWriter.create(means, NpyDtype.FLOAT32, n, d);
             NpyWriter logVarOut = logVars == null ? null : NpyWriter.create(logVars, NpyDtype.FLOAT32, n, d);
             NpyWriter factorOut = grid == null ? null
                     : NpyWriter.create(factors, NpyDtype.INT32, n, grid.sizes().length)) {
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                int[] indices = new int[count];
                for (int i = 0; i < count; i++) {
                    indices[i] = start + i;
                }
                try (Scope scope = Scope.open()) {
                    data.fill(indices, buffer, noise);
                    Distribution q = model.encoder().encode(Tensor.ofPrefix(buffer, count * data.dim(), count,
                            data.dim()));
                    meanOut.writeRows(q.mean().toFloats());
                    if (logVarOut != null) {
                        if (!(q instanceof DiagonalGaussian gaussian)) {
                            throw new UserInputException("this model's posterior has no log-variance to write; "
                                    + "drop --with-logvar");
                        }
                        logVarOut.writeRows(gaussian.logVar().toFloats());
                    }
                }
                if (factorOut != null) {
                    int k = grid.sizes().length;
                    int[] rows = new int[count * k];
                    int[] one = new int[k];
                    for (int i = 0; i < count; i++) {
                        grid.factorsOf(indices[i], one);
                        System.arraycopy(one, 0, rows, i * k, k);
                    }
                    factorOut.writeRows(rows);
                }
                progress.accept(start + count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + means, e);
        }
    }
}
