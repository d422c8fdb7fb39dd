package org.vaelab.dist;

import org.vaelab.tensor.Tensor;

/** Anything with a log-density over vectors: the event is the last dimension, which logProb sums out. */
public interface Density {

    /** log p(value) for value of shape [..., d]; returns shape [...]. */
    Tensor logProb(Tensor value);
}
