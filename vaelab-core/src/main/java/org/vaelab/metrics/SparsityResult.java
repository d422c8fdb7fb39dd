package org.vaelab.metrics;

import java.util.Map;

/**
 * Mean Hoyer sparsity of the std-normalised codes; {@code numZeroCodes} all-zero codes, whose sparsity is
 * undefined, are left out of the mean.
 */
public record SparsityResult(double hoyer, int numZeroCodes, SparsityProtocol protocol) implements MetricResult {
    @Override
    public Map<String, Double> scores() {
        return Map.of("hoyer", hoyer);
    }
}
