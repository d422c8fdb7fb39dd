package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.tensor.Tensor;

/** Maps a batch of data [B, D] to the approximate posterior q(z | x). */
@FunctionalInterface
public interface Encoder {
    Distribution encode(Tensor x);
}
