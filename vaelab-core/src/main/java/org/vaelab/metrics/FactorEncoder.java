package org.vaelab.metrics;

/**
 * Maps ground-truth factor rows to codes: the caller renders the images with these factors and encodes
 * them (typically returning the posterior means). Metrics call it with batches of the protocol's size.
 */
@FunctionalInterface
public interface FactorEncoder {

    /** Codes {@code [b][d]} for factor rows {@code [b][k]}; row i of the result belongs to row i of the input. */
    float[][] encode(int[][] factorRows);
}
