package org.vaelab.metrics;

/**
 * Sampling protocol of the beta-VAE metric: {@code numTrain} and {@code numEval} classifier points, each the
 * mean absolute code difference over {@code batchSize} pairs. Defaults are dlib's (beta_vae_sklearn gin).
 */
public record BetaVaeProtocol(int numTrain, int numEval, int batchSize) {
    public static final BetaVaeProtocol DEFAULT = new BetaVaeProtocol(10_000, 5_000, 64);

    public BetaVaeProtocol {
        ProtocolChecks.atLeast(MetricName.BETA_VAE.id(), "numTrain", numTrain, 2);
        ProtocolChecks.positive(MetricName.BETA_VAE.id(), "numEval", numEval);
        ProtocolChecks.positive(MetricName.BETA_VAE.id(), "batchSize", batchSize);
    }
}
