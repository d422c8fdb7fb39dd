package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Accuracy of the beta-VAE metric's classifier at telling which factor was held fixed. */
public record BetaVaeResult(double trainAccuracy, double evalAccuracy, BetaVaeProtocol protocol,
                            ClassifierSpec classifier, long seed) implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("train_accuracy", trainAccuracy);
        scores.put("eval_accuracy", evalAccuracy);
        return scores;
    }
}
