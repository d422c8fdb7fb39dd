package org.vaelab.objective;

import java.util.Map;
import org.vaelab.tensor.Tensor;

/**
 * A scalar loss for backpropagation and the named terms to log: always "recon" (distortion, -log p(x|z), nats)
 * and "kl" (rate, nats), both batch means, plus any objective-specific ones such as "capacity".
 */
public record Loss(Tensor total, Map<String, Tensor> terms) {
}
