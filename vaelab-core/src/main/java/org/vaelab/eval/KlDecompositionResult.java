package org.vaelab.eval;

/**
 * The decomposition of the average KL over a dataset (Chen et al. 2018), in nats per example:
 * averageKl = E_n[KL(q(z|x_n) || p(z))] = mi + tc + dwkl, where
 *
 * @param posteriors        N, the examples whose posteriors make up the aggregate q(z) (all of the dataset)
 * @param samples           S, the draws (n, z ~ q(z|x_n)) the three expectations are averaged over
 * @param mi                index-code mutual information E[log q(z|x) - log q(z)]
 * @param tc                total correlation E[log q(z) - log prod_j q(z_j)]
 * @param dwkl              dimension-wise KL E[log prod_j q(z_j) - log p(z)] (sum_j KL(q(z_j) || p(z_j)) for a
 *                          prior that factorises over dimensions)
 * @param sum               mi + tc + dwkl, the S-sample estimate of the average KL
 * @param averageKl         the average KL computed directly over all N posteriors, to compare {@code sum} with
 * @param averageKlAnalytic whether {@code averageKl} is the closed form (else one Monte-Carlo sample per example)
 */
public record KlDecompositionResult(long posteriors, int samples, Estimate mi, Estimate tc, Estimate dwkl,
                                    Estimate sum, double averageKl, boolean averageKlAnalytic) {

    /** A Monte-Carlo mean over the S samples with its standard error (sample standard deviation / sqrt(S)). */
    public record Estimate(double nats, double standardError) {
    }
}
