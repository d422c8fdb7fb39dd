package org.vaelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Modularity (from mutual information) and explicitness (mean one-vs-rest ROC-AUC of a linear classifier). */
public record ModularityResult(double modularity, double explicitnessTrain, double explicitnessTest,
                               ModularityProtocol protocol, ClassifierSpec classifier, long seed)
        implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("modularity_score", modularity);
        scores.put("explicitness_score_train", explicitnessTrain);
        scores.put("explicitness_score_test", explicitnessTest);
        return scores;
    }
}
