package org.vaelab.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Results of a suite run by metric name, in the order asked for; serialise with Jackson as metrics.json. */
public record MetricsReport(long seed, Map<String, MetricResult> results) {
    public MetricsReport {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
}
