package org.vaelab.model;

import org.vaelab.dist.Bernoulli;
import org.vaelab.dist.Distribution;
import org.vaelab.tensor.Tensor;

/** Network outputs are the logits of independent Bernoulli pixels. */
public final class BernoulliHead implements LikelihoodHead {
    @Override
    public int outputsPerValue() {
        return 1;
    }

    @Override
    public Distribution distribution(Tensor logits) {
        return new Bernoulli(logits);
    }
}
