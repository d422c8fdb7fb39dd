package org.vaelab.metrics;

import java.util.Map;

/**
 * Separated attribute predictability: the mean over factors of the gap between the two best single-code
 * classifiers. {@code scoreMatrix} is [code][factor] test accuracy.
 */
public record SapResult(double sap, double[][] scoreMatrix, SapProtocol protocol, ClassifierSpec classifier,
                        long seed) implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        return Map.of("SAP_score", sap);
    }
}
