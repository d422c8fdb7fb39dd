package org.vaelab.metrics;

import org.vaelab.UserInputException;

/**
 * Sampling protocol of the FactorVAE metric. Defaults are dlib's factor_vae_metric gin: 10,000 codes for the
 * global variances, dimensions with std below 0.05 pruned, 10,000 training and 5,000 evaluation votes, each
 * from a batch of 64 codes sharing one factor value.
 */
public record FactorVaeProtocol(int numTrain, int numEval, int batchSize, int numVarianceEstimate,
                                double pruneThreshold) {
    public static final FactorVaeProtocol DEFAULT = new FactorVaeProtocol(10_000, 5_000, 64, 10_000, 0.05);

    public FactorVaeProtocol {
        String metric = MetricName.FACTOR_VAE.id();
        ProtocolChecks.positive(metric, "numTrain", numTrain);
        ProtocolChecks.positive(metric, "numEval", numEval);
        // Variances use ddof=1, so at least two codes per batch.
        ProtocolChecks.atLeast(metric, "batchSize", batchSize, 2);
        ProtocolChecks.atLeast(metric, "numVarianceEstimate", numVarianceEstimate, 2);
        if (!(pruneThreshold >= 0) || Double.isInfinite(pruneThreshold)) {
            throw new UserInputException(metric + ": pruneThreshold must be a finite number >= 0, got "
                    + pruneThreshold);
        }
    }
}
