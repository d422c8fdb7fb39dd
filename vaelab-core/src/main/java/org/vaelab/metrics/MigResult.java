package org.vaelab.metrics;

import java.util.Map;

/**
 * Mutual information gap: the mean over factors of {@code gapPerFactor}, each the difference between the two
 * codes most informative about that factor, divided by the factor's entropy. {@code mutualInformation} is
 * [code][factor] in nats. MIG uses no randomness; the seed is recorded for uniformity.
 */
public record MigResult(double mig, double[] gapPerFactor, double[][] mutualInformation, double[] factorEntropy,
                        MigProtocol protocol, long seed) implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        return Map.of("discrete_mig", mig);
    }
}
