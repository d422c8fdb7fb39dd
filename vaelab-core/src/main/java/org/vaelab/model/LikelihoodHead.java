package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.tensor.Tensor;

/** Turns a decoder network's output into a distribution over x. */
public interface LikelihoodHead {

    /** How many network outputs each data value needs (1 for Bernoulli logits, 2 for mean and scale). */
    int outputsPerValue();

    Distribution distribution(Tensor networkOutput);
}
