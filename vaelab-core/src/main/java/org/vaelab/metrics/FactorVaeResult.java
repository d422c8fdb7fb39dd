package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy of the FactorVAE metric's majority-vote classifier. {@code numActiveDims} counts the dimensions
 * that survived pruning (dlib reports the total dimension count here).
 */
public record FactorVaeResult(double trainAccuracy, double evalAccuracy, int numActiveDims,
                              FactorVaeProtocol protocol, ClassifierSpec classifier, long seed)
        implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("train_accuracy", trainAccuracy);
        scores.put("eval_accuracy", evalAccuracy);
        scores.put("num_active_dims", (double) numActiveDims);
        return scores;
    }
}
