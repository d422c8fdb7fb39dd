package org.vaelab.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.vaelab.UserInputException;

/** The metrics the suite can run, by the names users type. */
public enum MetricName {
    BETA_VAE("beta_vae"),
    FACTOR_VAE("factor_vae"),
    MIG("mig"),
    DCI("dci"),
    SAP("sap"),
    MODULARITY("modularity"),
    SPARSITY("sparsity");

    private final String id;

    MetricName(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True for the metrics that sample factors themselves and need a FactorGrid and an encoder. */
    public boolean samplesFromGrid() {
        return this == BETA_VAE || this == FACTOR_VAE;
    }

    public static MetricName parse(String id) {
        for (MetricName name : values()) {
            if (name.id.equals(id)) {
                return name;
            }
        }
        throw new UserInputException("unknown metric '" + id + "'; choose from " + allIds());
    }

    public static String allIds() {
        return Arrays.stream(values()).map(MetricName::id).collect(Collectors.joining(", "));
    }
}
