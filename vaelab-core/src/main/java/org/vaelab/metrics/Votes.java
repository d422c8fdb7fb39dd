package org.vaelab.metrics;

/**
 * Draws the FactorVAE metric's votes: a random factor is fixed across a batch, and the active dimension whose
 * variance shrinks most relative to its global variance votes for it. Votes are tallied [factor][dimension].
 */
final class Votes {
    private final FactorSampler sampler;
    private final CheckedEncoder encoder;
    private final int batchSize;
    private final double[] globalVariances;
    private final boolean[] active;

    Votes(FactorSampler sampler, CheckedEncoder encoder, int batchSize, double[] globalVariances, boolean[] active) {
        this.sampler = sampler;
        this.encoder = encoder;
        this.batchSize = batchSize;
        this.globalVariances = globalVariances;
        this.active = active;
    }

    long[][] cast(int count) {
        long[][] votes = new long[sampler.factorCount()][globalVariances.length];
        for (int v = 0; v < count; v++) {
            int fixed = sampler.randomFactorIndex();
            int[][] rows = sampler.sample(batchSize);
            for (int[] row : rows) {
                row[fixed] = rows[0][fixed];
            }
            votes[fixed][lowestRelativeVariance(encoder.encode(rows))]++;
        }
        return votes;
    }

    private int lowestRelativeVariance(float[][] codes) {
        double[] local = Columns.variances(codes, 1);
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int j = 0; j < local.length; j++) {
            if (!active[j]) {
                continue;
            }
            double ratio = local[j] / globalVariances[j];
            // Strict comparison keeps the first minimum; a NaN (0/0 when nothing is pruned) wins, as in np.argmin.
            if (best < 0 || ratio < bestRatio || (Double.isNaN(ratio) && !Double.isNaN(bestRatio))) {
                best = j;
                bestRatio = ratio;
            }
        }
        return best;
    }
}
