package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.tensor.Tensor;

/**
 * Maps latents [B, d] to the likelihood p(x | z) over flat data [B, D]. An autoregressive decoder returns a
 * distribution whose logProb reads x's own context (earlier pixels) as well, and whose sampler runs pixel by
 * pixel: nothing about that leaks into this interface.
 */
@FunctionalInterface
public interface Decoder {
    Distribution decode(Tensor z);
}
