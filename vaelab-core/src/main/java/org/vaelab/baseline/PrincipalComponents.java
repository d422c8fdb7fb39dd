package org.vaelab.baseline;

/**
 * The leading eigenpairs of a sample covariance (divided by n - 1, as sklearn's explained_variance_).
 *
 * @param mean       the sample mean, length D
 * @param components k orthonormal directions of length D, by decreasing variance; each has its largest-magnitude
 *                   entry positive, so the sign is reproducible
 * @param variances  the variance of the sample along each component, decreasing
 * @param iterations subspace iterations used
 * @param converged  whether every residual |C v - lambda v| fell below the tolerance times the top variance
 * @param residual   the largest of those residuals, relative to the top variance
 */
record PrincipalComponents(double[] mean, double[][] components, double[] variances, int iterations,
                           boolean converged, double residual) {
}
