package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy of the beta-VAE metric's classifier at telling which factor was held fixed. {@code evalAccuracyByFactor}
 * (factor name to the accuracy on the evaluation points that held that factor fixed) is not part of dlib's
 * output; it shows which factors a representation fails to reveal.
 */
public record BetaVaeResult(double trainAccuracy, double evalAccuracy, Map<String, Double> evalAccuracyByFactor,
                            BetaVaeProtocol protocol, ClassifierSpec classifier, long seed) implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("train_accuracy", trainAccuracy);
        scores.put("eval_accuracy", evalAccuracy);
        return scores;
    }
}
