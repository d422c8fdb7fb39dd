package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Disentanglement, completeness and informativeness (classifier accuracy, as in dlib) with the importance
 * matrix [code][factor] they were computed from; each factor's column sums to 1 unless no split was made.
 */
public record DciResult(double disentanglement, double completeness, double informativenessTrain,
                        double informativenessTest, double[][] importance, DciProtocol protocol,
                        ClassifierSpec classifier, long seed) implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("disentanglement", disentanglement);
        scores.put("completeness", completeness);
        scores.put("informativeness_train", informativenessTrain);
        scores.put("informativeness_test", informativenessTest);
        return scores;
    }
}
