package org.vaelab.model;

import org.vaelab.dist.DiscretisedLogisticMixture;
import org.vaelab.dist.Distribution;
import org.vaelab.tensor.Tensor;

/**
 * Network outputs are, per 8-bit value, the logits, means and log-scales of a K-component discretised logistic
 * mixture: 3K blocks of D outputs (K of logits, K of means, K of log-scales).
 */
public final class LogisticMixtureHead implements LikelihoodHead {
    private final int components;

    public LogisticMixtureHead(int components) {
        if (components < 1) {
            throw new IllegalArgumentException("need at least one mixture component, got " + components);
        }
        this.components = components;
    }

    @Override
    public int outputsPerValue() {
        return 3 * components;
    }

    @Override
    public Distribution distribution(Tensor output) {
        return DiscretisedLogisticMixture.fromConcatenated(output, components);
    }
}
