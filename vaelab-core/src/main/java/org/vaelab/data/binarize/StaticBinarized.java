package org.vaelab.data.binarize;

import java.util.SplittableRandom;
import org.vaelab.data.Dataset;

/**
 * A fixed binary copy of a grey-level dataset: every value p is replaced once, at construction, by a
 * Bernoulli(p) sample drawn from a seeded generator, so the same seed gives the same bits in every run.
 * This is the "statically binarised MNIST" convention; the bits are kept packed, 64 to a long.
 */
public final class StaticBinarized extends BinarizedView {

    /** The seed used when none is given, so that default runs all see the same binarisation. */
    public static final long DEFAULT_SEED = 0x5EED_B1A5L;

    private static final int CHUNK = 512;

    private final long seed;
    private final long[] bits;

    public StaticBinarized(Dataset source) {
        this(source, DEFAULT_SEED);
    }

    public StaticBinarized(Dataset source, long seed) {
        super(source);
        this.seed = seed;
        int dim = source.dim();
        long total = (long) source.size() * dim;
        this.bits = new long[(int) ((total + 63) / 64)];
        // One generator walked in index order: the result depends on the seed alone, not on chunking.
        SplittableRandom rng = new SplittableRandom(seed);
        float[] buffer = new float[CHUNK * dim];
        for (int start = 0; start < source.size(); start += CHUNK) {
            int n = Math.min(CHUNK, source.size() - start);
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = start + i;
            }
            source.fill(indices, buffer, rng);
            long base = (long) start * dim;
            for (int k = 0; k < n * dim; k++) {
                if (rng.nextDouble() < buffer[k]) {
                    long bit = base + k;
                    bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
                }
            }
        }
    }

    @Override
    public String name() {
        return source.name() + "-static-binary";
    }

    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        int dim = source.dim();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size() - 1));
            }
            long base = (long) index * dim;
            int to = i * dim;
            for (int j = 0; j < dim; j++) {
                long bit = base + j;
                out[to + j] = (bits[(int) (bit >>> 6)] >>> (bit & 63) & 1L) != 0 ? 1f : 0f;
            }
        }
    }

    @Override
    public String provenance() {
        return source.provenance() + "; statically binarised, Bernoulli seed " + seed;
    }
}
