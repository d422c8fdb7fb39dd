package org.vaelab.model;

import org.vaelab.dist.DiscretisedLogistic;
import org.vaelab.dist.Distribution;
import org.vaelab.tensor.Tensor;

/** Network outputs are the mean and log-scale of a discretised logistic per 8-bit value. */
public final class LogisticHead implements LikelihoodHead {
    @Override
    public int outputsPerValue() {
        return 2;
    }

    @Override
    public Distribution distribution(Tensor output) {
        return DiscretisedLogistic.fromConcatenated(output);
    }
}
