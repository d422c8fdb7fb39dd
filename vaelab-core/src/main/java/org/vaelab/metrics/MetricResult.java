package org.vaelab.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** Outcome of one metric: its scores plus the protocol that produced them, ready for Jackson. */
public sealed interface MetricResult
        permits BetaVaeResult, FactorVaeResult, MigResult, DciResult, SapResult, ModularityResult, SparsityResult {

    /** The headline numbers by dlib's key names, for tables and logs. */
    @JsonIgnore
    Map<String, Double> scores();
}
