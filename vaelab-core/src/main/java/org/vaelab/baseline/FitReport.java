package org.vaelab.baseline;

/**
 * How a baseline was fitted, written to baseline.json for provenance.
 *
 * @param dataset       the dataset's name
 * @param provenance    the dataset's provenance string
 * @param samples       images the baseline was fitted on
 * @param seed          seed of the image sample and of the solvers' random starts
 * @param method        the algorithm, in words
 * @param variances     sample variance along each principal component (PCA, and ICA's whitening step)
 * @param pcaIterations subspace iterations of the principal components
 * @param pcaConverged  whether the principal components met their tolerance
 * @param icaIterations FastICA iterations, or null for PCA
 * @param icaConverged  whether FastICA met its tolerance within its iteration limit, or null for PCA
 * @param icaLastChange FastICA's convergence measure at its last iteration (tolerance 1e-4), or null for PCA
 * @param fitSeconds    wall time of the fit, without drawing the sample
 */
public record FitReport(String dataset, String provenance, int samples, long seed, String method,
                        double[] variances, int pcaIterations, boolean pcaConverged, Integer icaIterations,
                        Boolean icaConverged, Double icaLastChange, double fitSeconds) {
}
