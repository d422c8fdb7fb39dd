package org.vaelab.baseline;

import org.vaelab.UserInputException;

/**
 * Principal component analysis: codes are the projections of the centred image onto the top-k principal
 * directions, as sklearn's PCA.transform with its default whiten=False; with whitening each code is further
 * divided by its standard deviation on the fitting sample (sklearn's whiten=True).
 */
public final class Pca {
    public static final String NAME = "pca";
    static final String METHOD = "subspace iteration with Rayleigh-Ritz on the sample covariance (n - 1)";

    private Pca() {
    }

    /** Fits k components on {@code sample}; {@code seed} sets the solver's random start. */
    public static LinearProjection fit(TrainingSample sample, int k, boolean whiten, long seed) {
        long start = System.nanoTime();
        PrincipalComponents pcs = components(CentredRows.of(sample.images()), k, seed);
        double[][] weights = pcs.components();
        if (whiten) {
            requireFullRank(pcs);
            for (int c = 0; c < k; c++) {
                double scale = 1 / Math.sqrt(pcs.variances()[c]);
                for (int j = 0; j < weights[c].length; j++) {
                    weights[c][j] *= scale;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        FitReport report = new FitReport(sample.dataset(), sample.provenance(), sample.size(), seed,
                whiten ? METHOD + ", whitened" : METHOD, pcs.variances(), pcs.iterations(), pcs.converged(), null,
                null, null, seconds);
        return new LinearProjection(NAME, pcs.mean(), weights, whiten, report);
    }

    /** The top-k principal components of the rows; k must be in [1, min(D, n - 1)]. */
    static PrincipalComponents components(CentredRows rows, int k, long seed) {
        int limit = Math.min(rows.dim(), rows.rows() - 1);
        if (k < 1 || k > limit) {
            throw new IllegalArgumentException("k must be in [1, " + limit + "] for " + rows.rows() + " samples of "
                    + rows.dim() + " values, got " + k);
        }
        return SubspaceIteration.top(rows, k, seed);
    }

    /**
     * Fails when the sample varies along fewer than k directions, since whitening divides by each variance. The
     * cut-off is relative to the top variance because rounding leaves null directions a little above zero.
     */
    static void requireFullRank(PrincipalComponents pcs) {
        double[] variances = pcs.variances();
        double floor = 1e-10 * variances[0];
        for (int c = 0; c < variances.length; c++) {
            if (!(variances[c] > floor)) {
                throw new UserInputException("--latent " + variances.length + " asks for more components than the "
                        + "sampled images vary along (" + c + "); choose --latent " + Math.max(1, c) + " or fewer");
            }
        }
    }
}
